import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** The little SQL surface the migration runner and health checks need. */
export type SqlExecutor = {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
};

export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

export function pgExecutor(client: pg.ClientBase): SqlExecutor {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}
