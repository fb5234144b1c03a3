import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { removeMemory } from "@/lib/actions/memories";
import { listMemories } from "@/lib/data/memories";
import { MEMORY_LABELS } from "@/lib/tracker/scales";
import { memoryBalanceNudge, pluralize, STEPS } from "@/lib/tracker/steps";
import { MemoryForm } from "@/app/progress/_components/memory-form";
import { RowActionButton } from "@/app/progress/_components/row-action-button";
import { cardClass, mutedClass, ownTextClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";

export const metadata: Metadata = { title: "Memories", robots: { index: false } };

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export default async function MemoriesPage() {
  const user = await requireUser();
  const memories = await listMemories({ userId: user.id });
  const good = memories.filter((m) => m.kind === "GOOD").length;
  const hard = memories.length - good;
  const nudge = memoryBalanceNudge(good, hard);

  return (
    <div>
      <h1 className="text-3xl font-bold">Step 1: {STEPS[0].title}</h1>
      <p className="mt-2">
        When you miss someone, you can remember them as an ideal partner. Love and relationships are
        complex: even healthy ones have highs and lows. Writing down both kinds of memory helps you
        remember what you really had.
      </p>
      <p className={`mt-4 font-medium`}>
        {pluralize(good, "good memory", "good memories")},{" "}
        {pluralize(hard, "hard memory", "hard memories")}.
      </p>
      {nudge && (
        <p className={cardClass}>
          {nudge === "HARD"
            ? "Your log leans towards the good times. When you are ready, is there a low point you could write down too?"
            : "Your log leans towards the hard times. There were good parts too, and it is okay to remember them."}
        </p>
      )}

      <Section id="add-memory" title="Add a memory">
        <MemoryForm requestKey={randomUUID()} suggestKind={nudge ?? undefined} />
      </Section>

      <Section id="memory-log" title="Your memories">
        {memories.length === 0 ? (
          <p className="mt-2">Nothing here yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
            {memories.map((memory) => (
              <li key={memory.id} className="py-3">
                <p className={`text-sm ${mutedClass}`}>{MEMORY_LABELS[memory.kind]}</p>
                <p className={ownTextClass}>{memory.text}</p>
                <RowActionButton
                  action={removeMemory}
                  id={memory.id}
                  label={`Remove the memory “${excerpt(memory.text)}”`}
                />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
