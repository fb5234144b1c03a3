import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

// A passkey in software, for integration tests of lib/data/team-passkeys.ts
// without a browser: it answers WebAuthn options the way a platform
// authenticator does (packed "none" attestation, ES256, user present and
// verified), so @simplewebauthn/server verifies its answers for real. The e2e
// suite uses Chromium's virtual authenticator instead.

type Json = Record<string, unknown>;

/** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
function cbor(value: unknown): Buffer {
  const head = (major: number, length: number): Buffer => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    const out = Buffer.alloc(3);
    out[0] = (major << 5) | 25;
    out.writeUInt16BE(length, 1);
    return out;
  };
  if (typeof value === "number") {
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    const parts = [head(5, value.size)];
    for (const [k, v] of value) parts.push(cbor(k), cbor(v));
    return Buffer.concat(parts);
  }
  throw new Error(`cbor: cannot encode ${typeof value}`);
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

export type SoftwarePasskey = {
  credentialId: string;
  /** Answers registration options (`navigator.credentials.create`). */
  register(options: Json, origin: string): Json;
  /** Answers authentication options (`navigator.credentials.get`). */
  authenticate(options: Json, origin: string): Json;
};

export function softwarePasskey({ userVerified = true }: { userVerified?: boolean } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const id = randomBytes(16);
  let counter = 0;
  const flags = (attested: boolean) => 0x01 | (userVerified ? 0x04 : 0) | (attested ? 0x40 : 0);

  function authData(rpId: string, attested: boolean): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(++counter);
    const parts: Uint8Array[] = [sha256(rpId), Buffer.from([flags(attested)]), count];
    if (attested) {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(id.length);
      parts.push(Buffer.alloc(16), length, id, coseKey(publicKey));
    }
    return Buffer.concat(parts);
  }

  function clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** The PublicKeyCredential JSON a browser sends, around one response. */
  const credential = (response: Json): Json => ({
    id: b64url(id),
    rawId: b64url(id),
    type: "public-key",
    response,
    authenticatorAttachment: "platform",
    clientExtensionResults: {},
  });

  const passkey: SoftwarePasskey = {
    credentialId: b64url(id),
    register(options, origin) {
      const rpId = (options.rp as { id: string }).id;
      const clientDataJSON = clientData("webauthn.create", String(options.challenge), origin);
      const attestationObject = cbor(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData(rpId, true)],
        ]),
      );
      return credential({
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      });
    },
    authenticate(options, origin) {
      const rpId = String(options.rpId);
      const clientDataJSON = clientData("webauthn.get", String(options.challenge), origin);
      const data = authData(rpId, false);
      const signature = sign("sha256", Buffer.concat([data, sha256(clientDataJSON)]), privateKey);
      return credential({
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(data),
        signature: b64url(signature),
      });
    },
  };
  return passkey;
}

/** The EC2 P-256 public key as a COSE_Key map. */
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: "jwk" });
  return cbor(
    new Map<number, unknown>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );
}
