// Used by the Prisma CLI for `generate`/`validate`/`format` only. Migrations are
// applied by our own runner (`npm run db:migrate`, lib/db/migrate.ts) because the
// migration engine cannot be downloaded on our machines.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
