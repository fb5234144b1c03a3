import { z } from "zod";

// The one place that reads process.env. Everything else imports `env` (or the
// helpers below), so a bad variable fails once, early, with its name.

const booleanish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "postgres:" || url.protocol === "postgresql:";
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set during `next build`; the database refuses to open then. */
  NEXT_PHASE: z.string().optional(),

  /** PostgreSQL connection. Unset → embedded PGlite in PGLITE_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  /** Embedded database folder, or `memory://` for a throwaway in-memory one. */
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),

  /** The public origin of the app; every link we email is built from it. */
  APP_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://localhost:3000")
    .transform((u) => u.replace(/\/+$/, "")),

  /** Port for `npm start`. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),

  /** How long a stopping instance lets in-flight requests and the worker finish. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(20_000),
  /** Set by our start scripts so Next leaves SIGTERM to lib/server/shutdown.ts. */
  NEXT_MANUAL_SIG_HANDLE: booleanish,

  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Send HSTS and other production-only headers even outside NODE_ENV=production. */
  FORCE_HSTS: booleanish,
  /**
   * The reverse proxy in front compresses responses (lib/deploy/nginx does), so
   * the instance does not: read by next.config.ts when the server starts.
   */
  PROXY_COMPRESSES: booleanish,

  /** Where the app keeps generated files (the development AUTH_SECRET). */
  DATA_DIR: z.string().min(1).default(".data"),

  /**
   * Signs Auth.js cookies and hashes magic-link tokens. Required in production;
   * elsewhere one is generated into DATA_DIR/auth-secret on first run.
   */
  AUTH_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
  ),

  /** SMTP server for outgoing mail: smtp://user:pass@host:587 or smtps://...:465. */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  ),
  /** Or the SMTP server in parts (ignored when SMTP_URL is set). */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  /** Parallel connections to the SMTP server (each delivers one message at a time). */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  /** Implicit TLS (port 465). Otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: booleanish,
  /** The From header of every message. Default: Heartwork <no-reply@APP_URL's host>. */
  EMAIL_FROM: z.string().max(200).optional(),
  /** Attempts before a message is marked failed. */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** First retry delay after a failed delivery; it doubles per attempt (with jitter), up to an hour. */
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /**
   * How long a worker's claim on a message holds. A worker killed mid-send
   * leaves its message to be sent again (same Message-ID) once this passes.
   */
  EMAIL_CLAIM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  /** Run the delivery worker inside the web server (turn off when `npm run worker` runs apart). */
  EMAIL_WORKER: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === undefined || v === "" || v === "true" || v === "1"),
  /**
   * The development mailbox (/dev/mailbox) keeps mail instead of sending it when
   * no SMTP server is configured. Always off in production unless this is true.
   */
  DEV_MAILBOX: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1")),

  /**
   * How recent a sign-in must be for export and account deletion. At most the
   * 10 minutes the security rules promise; tests shorten it.
   */
  RECENT_SIGN_IN_SECONDS: z.coerce.number().int().min(1).max(600).default(600),

  /** Sign-in emails allowed per address and per client IP within an hour. */
  SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
  SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
  /**
   * True only behind our own reverse proxy (nginx), which sets X-Real-IP and
   * X-Forwarded-For from the connection. Then the per-IP limit trusts them.
   */
  TRUST_PROXY: booleanish,
  /**
   * Keys for the tracker's encrypted text: "id:base64,id:base64", newest first
   * (the first encrypts, all decrypt). Required in production with PostgreSQL;
   * otherwise a key is generated into FIELD_ENCRYPTION_KEY_FILE. Parsed in
   * lib/crypto/field-keys.ts, which names the variable in its errors.
   */
  FIELD_ENCRYPTION_KEYS: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /** Where the generated key lives when FIELD_ENCRYPTION_KEYS is unset (default DATA_DIR/field-encryption.key). Back it up. */
  FIELD_ENCRYPTION_KEY_FILE: z.string().min(1).optional(),

  /** Benchmarks only: log every SQL statement's request tag so queries per page can be counted. */
  DB_QUERY_LOG: booleanish,

  /**
   * Keys the HMAC of invitees' email addresses (do-not-contact list, declined
   * invitations, matching an accepting account): "id:base64", one key. It can
   * never rotate (the stored HMACs would stop matching). Required in production
   * with PostgreSQL; otherwise generated into ADDRESS_HMAC_KEY_FILE.
   */
  ADDRESS_HMAC_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /** Where the generated address-HMAC key lives when ADDRESS_HMAC_KEY is unset (default DATA_DIR/address-hmac.key). Back it up. */
  ADDRESS_HMAC_KEY_FILE: z.string().min(1).optional(),
  /**
   * Where new counseling referrals are announced (the counseling team's inbox).
   * Required in production on a public APP_URL; the default only suits a local run.
   */
  COUNSELING_INTAKE_EMAIL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.email("must be an email address").max(254).optional(),
  ),
  /** Partner invitations one person may create per day. */
  INVITE_LIMIT_PER_DAY: z.coerce.number().int().min(1).default(3),
  /**
   * Partner invitations one person may ever create (the row cap, SECURITY.md 33);
   * unset means lib/validations/row-limits.ts. Raised only by tests that send hundreds.
   */
  INVITE_LIMIT_TOTAL: z.coerce.number().int().min(1).optional(),
  /** Times one invitation may be sent again (each resend issues a new link). */
  INVITE_RESEND_LIMIT: z.coerce.number().int().min(0).default(3),
  /** Invitation emails (first sends and resends) one inviter may send one address per week. */
  INVITE_LIMIT_PER_RECIPIENT_WEEK: z.coerce.number().int().min(1).default(5),
  /**
   * Days a closed referral keeps its free text (note, phone, closing resources,
   * messages) before the retention eraser removes it. Published in SECURITY.md.
   */
  COUNSELING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * Hours before a booked first session after which the person can no longer
   * move or cancel it on the page (they message the counselor instead).
   */
  BOOKING_CHANGE_CUTOFF_HOURS: z.coerce.number().min(0).max(720).default(24),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`)
      .join("; ");
    throw new EnvError(`Invalid environment variable ${problems}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);

export const isProduction = env.NODE_ENV === "production";
export const isBuildPhase = env.NEXT_PHASE === "phase-production-build";
