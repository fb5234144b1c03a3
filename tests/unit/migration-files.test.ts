import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, checksumOf, readMigrations } from "@/lib/db/migrate";

describe(readMigrations, () => {
  it("reads every migration folder in name order with a sha256 checksum", () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const names = migrations.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    for (const migration of migrations) {
      expect(migration.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(migration.checksum).toBe(checksumOf(migration.sql));
      expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("keeps Prisma's migration_lock.toml so the layout stays Prisma's own", () => {
    const lock = fs.readFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8");
    expect(lock).toContain('provider = "postgresql"');
  });
});
