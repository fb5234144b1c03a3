import { z } from "zod";

// What the browser sends back from a passkey prompt (@simplewebauthn/browser's
// RegistrationResponseJSON / AuthenticationResponseJSON), as one form field of
// JSON text. Bounded everywhere: the verification libraries never see an
// oversized or odd-shaped value. Unknown keys are dropped.

/** Largest answer accepted: a passkey's attestation is a few hundred bytes; 16 KB is generous. */
export const PASSKEY_RESPONSE_MAX_LENGTH = 16_000;

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

const transports = z.array(z.string().max(32)).max(10).optional();

const registrationResponse = z.object({
  id: base64url(1_024),
  rawId: base64url(1_024),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4_096),
    attestationObject: base64url(12_000),
    transports,
    authenticatorData: base64url(8_000).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(4_096).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

const authenticationResponse = z.object({
  id: base64url(1_024),
  rawId: base64url(1_024),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4_096),
    authenticatorData: base64url(8_000),
    signature: base64url(2_048),
    userHandle: base64url(512).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

export type PasskeyRegistrationResponse = z.output<typeof registrationResponse>;
export type PasskeyAuthenticationResponse = z.output<typeof authenticationResponse>;

const PASSKEY_ANSWER_ERROR =
  "Your browser's passkey answer did not come through. Please try again.";

/** The JSON text of one field, parsed and checked against `shape`. */
function jsonField<S extends z.ZodType>(shape: S) {
  return z
    .string({ error: PASSKEY_ANSWER_ERROR })
    .max(PASSKEY_RESPONSE_MAX_LENGTH, { error: PASSKEY_ANSWER_ERROR })
    .transform((text, context) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        context.addIssue({ code: "custom", message: PASSKEY_ANSWER_ERROR });
        return z.NEVER;
      }
      const parsed = shape.safeParse(value);
      if (!parsed.success) {
        context.addIssue({ code: "custom", message: PASSKEY_ANSWER_ERROR });
        return z.NEVER;
      }
      return parsed.data as z.output<S>;
    });
}

/** The form of "finish registering": the purpose and the browser's answer. */
export const finishPasskeySchema = z.discriminatedUnion("purpose", [
  z.object({ purpose: z.literal("register"), response: jsonField(registrationResponse) }).strict(),
  z.object({ purpose: z.literal("verify"), response: jsonField(authenticationResponse) }).strict(),
]);

export type FinishPasskeyInput = z.output<typeof finishPasskeySchema>;
