import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db";
import { withSqlExecutor } from "@/lib/db/connection";

// Fails when schema.prisma and the hand-written migrations disagree: every
// model needs its table, every scalar field its column, and no table the
// migrations create may carry columns the schema does not know.

type Column = { table_name: string; column_name: string };
type KeyColumn = { table_name: string; column_name: string; position: number };

/** Each model's primary key as schema.prisma declares it (`@id` or `@@id([...])`). */
function primaryKeysInSchema(): Map<string, string[]> {
  const schema = fs.readFileSync(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");
  const keys = new Map<string, string[]>();
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const single = [...body!.matchAll(/^\s*(\w+)\s+\S+.*\s@id\b/gm)].map((m) => m[1]!);
    const compound = /@@id\(\[([^\]]+)\]\)/.exec(body!)?.[1];
    keys.set(model!, compound ? compound.split(",").map((f) => f.trim()) : single);
  }
  return keys;
}

function scalarFields(model: string): string[] {
  const fieldEnum = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[
    `${model}ScalarFieldEnum`
  ];
  if (!fieldEnum) throw new Error(`The generated client has no ${model}ScalarFieldEnum`);
  return Object.values(fieldEnum);
}

describe("schema.prisma and prisma/migrations", () => {
  it("agree on every model's table and columns", async () => {
    const columns = await withSqlExecutor((sql) =>
      sql.query<Column>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
      ),
    );
    const byTable = new Map<string, Set<string>>();
    for (const { table_name, column_name } of columns) {
      if (!byTable.has(table_name)) byTable.set(table_name, new Set());
      byTable.get(table_name)!.add(column_name);
    }

    const problems: string[] = [];
    const models = Object.values(Prisma.ModelName);
    for (const model of models) {
      const table = byTable.get(model);
      if (!table) {
        problems.push(`model ${model} has no table "${model}" in the migrations`);
        continue;
      }
      const fields = scalarFields(model);
      for (const field of fields) {
        if (!table.has(field)) problems.push(`${model}.${field} has no column`);
      }
      for (const column of table) {
        if (!fields.includes(column))
          problems.push(`table "${model}" has column "${column}" unknown to schema.prisma`);
      }
    }
    for (const table of byTable.keys()) {
      if (!models.includes(table as Prisma.ModelName))
        problems.push(`table "${table}" has no model`);
    }
    expect(problems).toEqual([]);
    expect(models.length).toBeGreaterThanOrEqual(4);
  });

  it("give every table the primary key schema.prisma declares", async () => {
    const keyColumns = await withSqlExecutor((sql) =>
      sql.query<KeyColumn>(
        `SELECT k.table_name, k.column_name, k.ordinal_position AS position
           FROM information_schema.table_constraints c
           JOIN information_schema.key_column_usage k
             ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
          WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema()
            AND c.table_name <> '_prisma_migrations'
          ORDER BY k.table_name, k.ordinal_position`,
      ),
    );
    const inDatabase = new Map<string, string[]>();
    for (const { table_name, column_name } of keyColumns) {
      inDatabase.set(table_name, [...(inDatabase.get(table_name) ?? []), column_name]);
    }
    const inSchema = primaryKeysInSchema();
    expect(inSchema.size).toBe(Object.values(Prisma.ModelName).length);
    for (const model of Object.values(Prisma.ModelName)) {
      expect({ model, key: inDatabase.get(model) ?? [] }).toEqual({
        model,
        key: inSchema.get(model),
      });
      expect(inSchema.get(model)!.length).toBeGreaterThan(0);
    }
  });
});
