import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getConnection } from "@/lib/db/connection";

// LISTEN on a PostgreSQL notification channel. NOTIFY is delivered only when
// the sending transaction commits, which is exactly when a queued email may be
// sent. PGlite supports LISTEN in-process; PostgreSQL needs a connection of its
// own (a pooled one could be handed to someone else), re-opened when it drops.

export type Unlisten = () => Promise<void>;

export async function listenToChannel(channel: string, onNotify: () => void): Promise<Unlisten> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Bad channel name ${channel}`);
  const connection = await getConnection();
  if (connection.kind === "pglite") {
    const unlisten = await connection.pglite.listen(channel, () => onNotify());
    return async () => {
      await unlisten().catch(() => {});
    };
  }

  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let missedSome = false; // a connection was lost (or never made) since the last LISTEN
  const connect = async () => {
    if (stopped || !env.DATABASE_URL) return;
    const next = new pg.Client({
      connectionString: env.DATABASE_URL,
      connectionTimeoutMillis: 5_000,
    });
    const reconnect = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      missedSome = true;
      next.end().catch(() => {});
      if (stopped) return;
      if (error)
        logger.warn({ event: "db.listen_lost", err: error }, "notification connection lost");
      onNotify(); // anything committed before the loss is picked up by a poll now
      retry = setTimeout(() => void connect(), 2_000);
    };
    client = next;
    next.on("error", reconnect);
    next.on("end", () => reconnect());
    next.on("notification", () => onNotify());
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      // Back after an outage: whatever was committed while we could not hear
      // it (the listener's poll may be backed off far) is due now.
      if (missedSome && client === next) onNotify();
      missedSome = false;
    } catch (error) {
      reconnect(error as Error);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = undefined;
    await current?.end().catch(() => {});
  };
}
