import { parseArgs } from "node:util";
import type { z } from "zod";
import { TEAM_ROLES } from "@/lib/counseling/team";
import {
  addTeamMemberSchema,
  removeTeamMemberSchema,
  type AddTeamMemberInput,
  type RemoveTeamMemberInput,
} from "@/lib/validations/team";

// The arguments of `npm run team:add|team:remove|team:list`, parsed without
// touching the database so every mistake is explained before anything runs.
// "Who" made a change is --by, or else the OS user running the command.

export const TEAM_USAGE = {
  add: `npm run team:add -- <email> --role ${TEAM_ROLES.join("|")} [--name "First name"] [--by "operator"]`,
  remove: `npm run team:remove -- <email> [--by "operator"]`,
  list: "npm run team:list [-- --all] [-- --history]",
} as const;

export type TeamCommand =
  | ({ command: "add" } & AddTeamMemberInput)
  | ({ command: "remove" } & RemoveTeamMemberInput)
  | { command: "list"; includeRemoved: boolean; history: boolean };

export type TeamArgsResult = { ok: true; value: TeamCommand } | { ok: false; message: string };

function firstIssue(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join(" ");
}

export function parseTeamArgs(
  command: string | undefined,
  argv: string[],
  { osUser }: { osUser: string },
): TeamArgsResult {
  if (command !== "add" && command !== "remove" && command !== "list") {
    return {
      ok: false,
      message: `Unknown team command "${command ?? ""}". Use one of:\n  ${Object.values(TEAM_USAGE).join("\n  ")}`,
    };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        role: { type: "string" },
        name: { type: "string" },
        by: { type: "string" },
        all: { type: "boolean" },
        history: { type: "boolean" },
      },
    });
  } catch (error) {
    return { ok: false, message: `${(error as Error).message}\nUsage: ${TEAM_USAGE[command]}` };
  }
  const { values, positionals } = parsed;
  const usage = `Usage: ${TEAM_USAGE[command]}`;

  if (command === "list") {
    if (positionals.length > 0 || values.role || values.name || values.by) {
      return { ok: false, message: `team:list takes no address or role.\n${usage}` };
    }
    return {
      ok: true,
      value: { command, includeRemoved: values.all === true, history: values.history === true },
    };
  }
  if (values.all || values.history) {
    return { ok: false, message: `--all and --history belong to team:list.\n${usage}` };
  }
  if (positionals.length !== 1) {
    return { ok: false, message: `Give exactly one email address.\n${usage}` };
  }
  const operator = values.by ?? osUser;
  if (command === "add") {
    if (values.role === undefined) {
      return { ok: false, message: `Give a role with --role ${TEAM_ROLES.join("|")}.\n${usage}` };
    }
    const result = addTeamMemberSchema.safeParse({
      email: positionals[0],
      role: values.role,
      ...(values.name === undefined ? {} : { displayName: values.name }),
      operator,
    });
    return result.success
      ? { ok: true, value: { command, ...result.data } }
      : { ok: false, message: `${firstIssue(result.error)}\n${usage}` };
  }
  if (values.role !== undefined || values.name !== undefined) {
    return { ok: false, message: `team:remove takes no role or name.\n${usage}` };
  }
  const result = removeTeamMemberSchema.safeParse({ email: positionals[0], operator });
  return result.success
    ? { ok: true, value: { command, ...result.data } }
    : { ok: false, message: `${firstIssue(result.error)}\n${usage}` };
}
