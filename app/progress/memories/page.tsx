import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { listMemories } from "@/lib/data/memories";
import type { QueryPageProps } from "@/lib/http/page-query";
import { MEMORY_LABELS, type MemoryKind } from "@/lib/tracker/scales";
import { memoryBalanceNudge, pluralize, STEPS } from "@/lib/tracker/steps";
import { MemoryForm } from "@/app/progress/_components/memory-form";
import { TrackerList, type RowKind } from "@/app/progress/_components/tracker-list";
import { readTrackerListState } from "@/app/progress/_components/tracker-list-state";
import { cardClass, mutedClass, ownTextClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";

export const metadata: Metadata = { title: "Memories", robots: { index: false } };

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const memoryRows: RowKind<{ id: string; kind: MemoryKind; text: string }> = {
  list: "memories",
  name: (memory) => `the memory “${excerpt(memory.text)}”`,
  show: (memory) => (
    <>
      <p className={`text-sm ${mutedClass}`}>{MEMORY_LABELS[memory.kind]}</p>
      <p className={ownTextClass}>{memory.text}</p>
    </>
  ),
  edit: (memory) => <MemoryForm editing={memory} />,
};

export default async function MemoriesPage({ searchParams }: QueryPageProps) {
  const user = await requireUser();
  const [memories, lists] = await Promise.all([
    listMemories({ userId: user.id }),
    readTrackerListState(user.id, searchParams, ["memories"]),
  ]);
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
        <TrackerList kind={memoryRows} rows={memories} state={lists} />
      </Section>
    </div>
  );
}
