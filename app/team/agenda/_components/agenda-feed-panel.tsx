"use client";

import { useActionState, useId, useState } from "react";
import {
  createAgendaFeedAction,
  revokeAgendaFeedAction,
  type AgendaFeedState,
} from "@/lib/actions/agenda-feed";
import { ActionForm } from "@/components/forms/action-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { StatusLine } from "@/components/forms/status-line";
import { SubmitButton } from "@/components/forms/submit-button";
import {
  hintClass,
  inputClass,
  secondaryButtonClass,
  sectionRuleClass,
  textClass,
} from "@/components/ui/styles";

/**
 * The private calendar feed: make a link (shown once, in full), copy it, and
 * replace or revoke it. `madeAt` is when the live link was made (ISO), or
 * null; `madeOn` says it in the member's zone.
 */
export function AgendaFeedPanel({
  madeAt,
  madeOn,
}: {
  madeAt: string | null;
  madeOn: string | null;
}) {
  const formId = useId();
  const [created, create, pending] = useActionState<AgendaFeedState, FormData>(
    createAgendaFeedAction,
    {},
  );
  // The link just made is shown while it is the live one: a revoke (or a
  // replacement elsewhere) takes it, and its message, off the page.
  const current = created.madeAt !== undefined && created.madeAt === madeAt;
  const shown: AgendaFeedState = created.status === "saved" && !current ? {} : created;
  // Once there was a link on this page, the revoke form stays, to say what it did.
  const [revocable, setRevocable] = useState(madeAt !== null);
  if (madeAt !== null && !revocable) setRevocable(true);
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
      {madeOn && !current ? (
        <p className={textClass}>
          Your link was made on {madeOn}. It is not shown again; make a new one to replace it.
        </p>
      ) : null}
      {current && shown.feedUrl ? <FeedLink url={shown.feedUrl} /> : null}
      <form action={create} className="mt-4 space-y-4" noValidate>
        <ErrorSummary formId={formId} state={shown} />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <SubmitButton className={secondaryButtonClass}>
            {madeAt ? "Replace the link" : "Make a calendar link"}
          </SubmitButton>
          <StatusLine state={shown} pending={pending} />
        </div>
      </form>
      {revocable ? (
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
    <div className="mt-4">
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
