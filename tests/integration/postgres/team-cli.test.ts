import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createPerson, uniqueAddress } from "@/tests/support/counseling";

// `npm run team:add|team:remove|team:list` as an operator runs them: the real
// command in its own process against this file's PostgreSQL database (PGlite
// serves one process, so this lives with the PostgreSQL-only tests).

function team(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/team.ts", ...args],
    {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL, LOG_LEVEL: "silent" },
      timeout: 120_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the team command line", () => {
  it(
    "adds, lists and removes a member, recording the operator, and explains refusals with exit code 1",
    { timeout: 300_000 },
    async () => {
      const unknown = uniqueAddress("stranger");
      const refused = team("add", unknown, "--role", "counselor");
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`No Heartwork account uses ${unknown}`);
      expect(refused.stderr).toContain("must sign in once first");

      const badRole = team("add", unknown, "--role", "admin");
      expect(badRole.status).toBe(1);
      expect(badRole.stderr).toContain("The role must be one of: counselor, coordinator.");

      const dana = await createPerson("dana");
      const added = team(
        "add",
        dana.email.toUpperCase(),
        "--role",
        "counselor",
        "--name",
        "Dana",
        "--by",
        "ops-alice",
      );
      expect(added).toMatchObject({ status: 0, stderr: "" });
      expect(added.stdout).toContain(
        `${dana.email} is now a counselor. Recorded as done by ops-alice.`,
      );

      const listed = team("list");
      expect(listed.status).toBe(0);
      expect(listed.stdout).toMatch(
        new RegExp(`${dana.email}\\s+counselor\\s+Dana\\s+since \\d{4}-\\d{2}-\\d{2}`),
      );

      const removed = team("remove", dana.email, "--by", "ops-bob");
      expect(removed.status).toBe(0);
      expect(removed.stdout).toContain("is no longer on the team");
      expect(team("remove", dana.email).status).toBe(1);

      const history = team("list", "--all", "--history");
      expect(history.stdout).toMatch(/removed \d{4}-\d{2}-\d{2}/);
      expect(history.stdout).toContain("added as counselor  by ops-alice");
      expect(history.stdout).toContain("removed (was counselor)  by ops-bob");
      expect(
        await db.teamRoleChange.findMany({
          where: { userId: dana.id },
          orderBy: { createdAt: "asc" },
          select: { action: true, operator: true },
        }),
      ).toEqual([
        { action: "added", operator: "ops-alice" },
        { action: "removed", operator: "ops-bob" },
      ]);
    },
  );
});
