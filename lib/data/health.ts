import "server-only";
import { withSqlExecutor } from "@/lib/db/connection";

/** True when the database answers a trivial query within `timeoutMs`. */
export async function pingDatabase(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      withSqlExecutor(async (sql) => (await sql.query("SELECT 1 AS ok")).length === 1),
      timeout,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
