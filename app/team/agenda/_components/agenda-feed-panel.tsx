"use client";

import { useId, useState } from "react";
import {
  createAgendaFeedAction,
  revokeAgendaFeedAction,
  type AgendaFeedState,
} from "@/lib/actions/agenda-feed";
import { ActionForm } from "@/components/forms/action-form";
import {
  hintClass,
  inputClass,
  secondaryButtonClass,
  sectionRuleClass,
  textClass,
} from "@/components/ui/styles";

/**
 * The private calendar feed: make a link (shown once, in full), copy it, and
 * replace or revoke it. `madeOn` is when the live link was made, or null.
 */
export function AgendaFeedPanel({ madeOn }: { madeOn: string | null }) {
  return (
    <section aria-labelledby="feed-heading" className={sectionRuleClass}>
      <h2 id="feed-heading" className="text-xl font-semibold">
        Calendar link
      </h2>
      <p className={textClass}>
        A private link your calendar app can subscribe to. It lists these sessions as
        &ldquo;Heartwork appointment&rdquo;, without how to join: that stays here. Anyone with the
        link sees your session times, so keep it to yourself.
      </p>
      {madeOn ? (
        <p className={textClass}>
          Your link was made on {madeOn}. It is not shown again; make a new one to replace it.
        </p>
      ) : null}
      <ActionForm<AgendaFeedState>
        action={createAgendaFeedAction}
        submitLabel={madeOn ? "Replace the link" : "Make a calendar link"}
        submitClassName={secondaryButtonClass}
        replacedBy={(state) => (state.feedUrl ? <FeedLink url={state.feedUrl} /> : null)}
      />
      {madeOn ? (
        <ActionForm
          action={revokeAgendaFeedAction}
          submitLabel="Revoke the link"
          submitClassName={secondaryButtonClass}
        />
      ) : null}
    </section>
  );
}

function FeedLink({ url }: { url: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        Your calendar link
      </label>
      <p id={`${id}-hint`} className={hintClass}>
        Shown only now. In your calendar app, choose &ldquo;subscribe&rdquo; or &ldquo;add by
        URL&rdquo; and paste it.
      </p>
      <input
        id={id}
        aria-describedby={`${id}-hint`}
        readOnly
        value={url}
        className={`${inputClass} font-mono text-sm`}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() =>
            navigator.clipboard.writeText(url).then(
              () => setCopied("yes"),
              () => setCopied("no"),
            )
          }
        >
          Copy the link
        </button>
        <p aria-live="polite" role={copied ? "status" : undefined}>
          {copied === "yes"
            ? "Copied."
            : copied === "no"
              ? "Could not copy: select the link and copy it yourself."
              : ""}
        </p>
      </div>
    </div>
  );
}
