import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import pg from "pg";

// Raw SQL on the database a test's own server uses, outside the app: the
// embedded folder (only while that server is stopped: PGlite serves one
// process) or a PostgreSQL database. Every cell comes back as text, so a
// test can search the whole database for a sentence, an address or a token.

export type Cell = { table: string; column: string; rowIndex: number; text: string };

export type RawDatabase = {
  tables(): Promise<string[]>;
  rows(table: string): Promise<Record<string, unknown>[]>;
  /** One parameterised statement ($1, $2…); the rows it returned. */
  run(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

export async function openRawDatabase(
  target: { kind: "pglite"; dir: string } | { kind: "postgres"; url: string },
): Promise<RawDatabase> {
  let query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  let close: () => Promise<void>;
  if (target.kind === "pglite") {
    const pglite = await PGlite.create(target.dir, { extensions: { btree_gist } });
    query = async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows;
    close = () => pglite.close();
  } else {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    query = async (sql, params) => (await client.query<Record<string, unknown>>(sql, params)).rows;
    close = () => client.end();
  }
  return {
    async tables() {
      const rows = await query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          ORDER BY table_name`,
      );
      return rows.map((r) => String(r.table_name));
    },
    rows: (table) => query(`SELECT * FROM "${table.replace(/"/g, '""')}"`),
    run: query,
    close,
  };
}

export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("latin1");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Every non-null cell of every table, as text. */
export async function dumpDatabase(
  database: RawDatabase,
): Promise<{ tables: string[]; columns: number; cells: Cell[] }> {
  const tables = await database.tables();
  const cells: Cell[] = [];
  const columns = new Set<string>();
  for (const table of tables) {
    const rows = await database.rows(table);
    rows.forEach((row, rowIndex) => {
      for (const [column, value] of Object.entries(row)) {
        columns.add(`${table}.${column}`);
        const text = cellText(value);
        if (text !== null) cells.push({ table, column, rowIndex, text });
      }
    });
  }
  return { tables, columns: columns.size, cells };
}

/** "Table.column" of every cell that contains `needle` (case-insensitive). */
export function columnsContaining(cells: Cell[], needle: string): string[] {
  const lower = needle.toLowerCase();
  return [
    ...new Set(
      cells
        .filter((c) => c.text.toLowerCase().includes(lower))
        .map((c) => `${c.table}.${c.column}`),
    ),
  ].sort();
}
