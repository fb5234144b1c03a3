import { afterAll } from "vitest";
import { provisionTestDatabase } from "./test-database";

// Runs before each integration test file, in that file's module context.
const database = await provisionTestDatabase(process.env.HEARTWORK_TEST_DATABASE);
{
  const { withSqlExecutor } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  await withSqlExecutor((sql) => migrate(sql)); // PGlite migrates on open; PostgreSQL here
}

afterAll(async () => {
  const { disconnectDatabase } = await import("@/lib/db");
  await disconnectDatabase();
  await database.drop();
});
