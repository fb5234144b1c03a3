import { env } from "@/lib/env";
import { getConnection, withSqlExecutor } from "@/lib/db/connection";

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Opens the database once, turning driver errors into one readable sentence. */
export async function connectOrExplain(): Promise<void> {
  await getConnection();
  try {
    await withSqlExecutor((sql) => sql.query("SELECT 1"));
  } catch (error) {
    const where = env.DATABASE_URL ? describeUrl(env.DATABASE_URL) : env.PGLITE_DIR;
    throw new DatabaseUnreachableError(
      `Cannot reach the database at ${where}: ${(error as Error).message || (error as Error).name}`,
    );
  }
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = parsed.password ? "***" : "";
  return parsed.toString();
}
