"use client";

import { useState, useSyncExternalStore, useTransition } from "react";
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { finishTeamPasskeyAction, teamPasskeyOptions } from "@/lib/actions/team-passkey";
import { buttonClass, errorTextClass, mutedClass } from "@/components/ui/styles";

// The button that opens the device's passkey prompt. The server makes the
// options (and keeps the challenge for this session); the browser answers;
// the server checks the answer and sends the member on to /team.

type Mode = "register" | "verify";

const LABELS: Record<Mode, { button: string; working: string }> = {
  register: { button: "Create a passkey", working: "Waiting for your device…" },
  verify: { button: "Use my passkey", working: "Waiting for your device…" },
};

const NO_SUPPORT_MESSAGE =
  "This browser cannot use passkeys. Please open Heartwork in an up-to-date browser on a device with a screen lock (a phone, or a computer with a fingerprint reader or PIN).";

const CANCELLED_MESSAGE =
  "The passkey prompt closed before it finished, so nothing changed. When you are ready, press the button again.";

/** What went wrong in the browser, in words: never a raw error name. */
function browserErrorMessage(error: unknown, mode: Mode): string {
  const name = error instanceof Error ? error.name : "";
  const code = (error as { code?: string } | null)?.code;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return "This device already holds a Heartwork passkey. Please use the passkey you made before, or ask a coordinator to reset your team access.";
  }
  if (name === "NotAllowedError" || name === "AbortError" || code === "ERROR_CEREMONY_ABORTED") {
    return CANCELLED_MESSAGE;
  }
  return mode === "register"
    ? "Your device could not create a passkey. Please try again, or try another browser."
    : "Your device could not use your passkey. Please try again on the device where you created it.";
}

/** Passkey support does not change while the page is open. */
const noSubscription = () => () => {};

export function PasskeyPrompt({ mode }: { mode: Mode }) {
  // Known only in the browser: null while server-rendering.
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run() {
    setError(null);
    startTransition(async () => {
      if (!browserSupportsWebAuthn()) {
        setError(NO_SUPPORT_MESSAGE);
        return;
      }
      const started = await teamPasskeyOptions({}, new FormData());
      if (started.status === "error" || !started.options || !started.purpose) {
        setError(started.formError ?? "Something went wrong. Please reload the page.");
        return;
      }
      let response: unknown;
      try {
        response =
          started.purpose === "register"
            ? await startRegistration({
                optionsJSON: JSON.parse(started.options) as PublicKeyCredentialCreationOptionsJSON,
              })
            : await startAuthentication({
                optionsJSON: JSON.parse(started.options) as PublicKeyCredentialRequestOptionsJSON,
              });
      } catch (caught) {
        setError(browserErrorMessage(caught, started.purpose));
        return;
      }
      const answer = new FormData();
      answer.set("purpose", started.purpose);
      answer.set("response", JSON.stringify(response));
      // On success the action redirects to /team; only a refusal comes back.
      const finished = await finishTeamPasskeyAction({}, answer);
      if (finished.status === "error") {
        setError(finished.formError ?? "That did not work. Please try again.");
      }
    });
  }

  const labels = LABELS[mode];
  return (
    <div className="mt-6">
      <button
        type="button"
        className={buttonClass}
        onClick={run}
        disabled={pending || supported === false}
        aria-describedby={error ? "passkey-error" : undefined}
      >
        {labels.button}
      </button>
      <p role="status" className={`mt-3 text-sm ${mutedClass}`}>
        {pending ? labels.working : ""}
      </p>
      <div role="alert" id="passkey-error">
        {supported === false ? (
          <p className={errorTextClass}>{NO_SUPPORT_MESSAGE}</p>
        ) : error ? (
          <p className={errorTextClass}>{error}</p>
        ) : null}
      </div>
    </div>
  );
}
