import { describe, expect, it } from "vitest";
import { parseTeamArgs } from "@/lib/cli/team-args";

// `npm run team:add|team:remove|team:list`: every mistake is explained before
// the database is touched, and "who" defaults to the OS user.

const os = { osUser: "deploy" };

describe(parseTeamArgs, () => {
  it("reads an add with its role, name and operator, normalizing the address", () => {
    expect(
      parseTeamArgs(
        "add",
        ["Dana@Example.COM", "--role", "counselor", "--name", "Dana", "--by", "alice"],
        os,
      ),
    ).toEqual({
      ok: true,
      value: {
        command: "add",
        email: "dana@example.com",
        role: "counselor",
        displayName: "Dana",
        operator: "alice",
      },
    });
  });

  it("records the OS user as the operator when --by is not given", () => {
    expect(parseTeamArgs("add", ["a@example.com", "--role=coordinator"], os)).toMatchObject({
      ok: true,
      value: { role: "coordinator", operator: "deploy" },
    });
    expect(parseTeamArgs("remove", ["a@example.com"], os)).toEqual({
      ok: true,
      value: { command: "remove", email: "a@example.com", operator: "deploy" },
    });
  });

  it("reads list and its switches", () => {
    expect(parseTeamArgs("list", [], os)).toEqual({
      ok: true,
      value: { command: "list", includeRemoved: false, history: false },
    });
    expect(parseTeamArgs("list", ["--all", "--history"], os)).toMatchObject({
      value: { includeRemoved: true, history: true },
    });
  });

  it.each([
    ["add", ["a@example.com", "--role", "admin"], /role must be one of: counselor, coordinator/],
    ["add", ["a@example.com"], /Give a role with --role counselor\|coordinator/],
    ["add", ["--role", "counselor"], /exactly one email address/],
    ["add", ["a@example.com", "b@example.com", "--role", "counselor"], /exactly one email/],
    ["add", ["not-an-address", "--role", "counselor"], /email address like name@example.com/],
    ["add", ["a@example.com", "--role", "counselor", "--name", "R2-D2"], /letters, spaces/],
    ["add", ["a@example.com", "--role", "counselor", "--by", ""], /operator \(--by\) cannot/],
    ["add", ["a@example.com", "--role", "counselor", "--colour", "red"], /Unknown option/],
    ["remove", ["a@example.com", "--role", "counselor"], /takes no role/],
    ["list", ["a@example.com"], /takes no address/],
    ["add", ["a@example.com", "--role", "counselor", "--all"], /belong to team:list/],
  ])("explains %s %j", (command, argv, message) => {
    const result = parseTeamArgs(command, argv, os);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/Usage: npm run team:/);
    }
  });

  it("names the commands when the command is unknown", () => {
    const result = parseTeamArgs("promote", [], os);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/team:add[\s\S]*team:remove[\s\S]*team:list/);
  });

  it("refuses an operator name too long or with a line break (it lands in the record)", () => {
    expect(parseTeamArgs("remove", ["a@example.com", "--by", "x".repeat(101)], os)).toMatchObject({
      ok: false,
    });
    expect(parseTeamArgs("remove", ["a@example.com", "--by", "eve\nadmin"], os)).toMatchObject({
      ok: false,
    });
  });
});
