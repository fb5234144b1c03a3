// `npm run db:migrate`: applies pending migrations to whichever database is
// configured (DATABASE_URL, or the embedded PGlite folder).
import { runCli } from "@/lib/cli/run-cli";

runCli(async () => {
  // Imported here so an invalid environment is reported by runCli, not at load.
  const { withSqlExecutor, closeConnection, usesEmbeddedDatabase } =
    await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  const { connectOrExplain } = await import("@/lib/db/reachability");
  await connectOrExplain();
  const result = await withSqlExecutor((sql) => migrate(sql));
  await closeConnection();
  const where = usesEmbeddedDatabase() ? "embedded database" : "PostgreSQL database";
  process.stdout.write(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s) to the ${where}: ${result.applied.join(", ")}\n`
      : `The ${where} is up to date (${result.alreadyApplied} migration(s) applied).\n`,
  );
});
