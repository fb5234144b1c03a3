// `npm run team:add -- <email> --role counselor|coordinator`, `team:remove --
// <email>`, `team:list`: the only way team roles are granted and removed
// (docs/counseling-team.md). Every change is recorded with its operator.
import os from "node:os";
import { runCli } from "@/lib/cli/run-cli";
import { parseTeamArgs } from "@/lib/cli/team-args";

function print(line: string) {
  process.stdout.write(`${line}\n`);
}

function refuse(line: string) {
  process.stderr.write(`${line}\n`);
  process.exitCode = 1;
}

runCli(async () => {
  const [command, ...argv] = process.argv.slice(2);
  const parsed = parseTeamArgs(command, argv, { osUser: os.userInfo().username });
  if (!parsed.ok) return refuse(parsed.message);
  const args = parsed.value;

  const { connectOrExplain } = await import("@/lib/db/reachability");
  await connectOrExplain();
  const team = await import("@/lib/data/team-members");
  const { disconnectDatabase } = await import("@/lib/db");
  try {
    if (args.command === "add") {
      const { command: _, ...input } = args;
      const result = await team.addTeamMember(input);
      if (!result.ok) {
        return refuse(
          `No Heartwork account uses ${input.email}. The person must sign in once first ` +
            `(with the usual email link on the sign-in page), then run this command again.`,
        );
      }
      const said = {
        added: `${input.email} is now a ${input.role}.`,
        changed: `${input.email} was a ${result.previousRole}; now a ${input.role}.`,
        unchanged: `${input.email} already is a ${input.role}; nothing to record.`,
      }[result.change];
      print(
        said + (result.change === "unchanged" ? "" : ` Recorded as done by ${input.operator}.`),
      );
      if (result.change === "added") {
        print("On their next team sign-in they register a passkey (the second factor).");
      }
    } else if (args.command === "remove") {
      const { command: _, ...input } = args;
      const result = await team.removeTeamMember(input);
      if (!result.ok) {
        return refuse(
          result.reason === "unknown_address"
            ? `No Heartwork account uses ${input.email}: there is nobody to remove.`
            : `${input.email} is not a team member (or was already removed). See npm run team:list -- --all.`,
        );
      }
      print(
        `${input.email} is no longer on the team; their next request is refused. ` +
          `Recorded as done by ${input.operator}.` +
          (result.returnedToInbox > 0
            ? ` ${result.returnedToInbox} referral(s) they held are back in the inbox.`
            : ""),
      );
    } else {
      const members = await team.listTeamMembers({ includeRemoved: args.includeRemoved });
      if (members.length === 0) print("No team members yet. Add one with npm run team:add.");
      for (const member of members) {
        const since = member.addedAt.toISOString().slice(0, 10);
        const status = member.removedAt
          ? `removed ${member.removedAt.toISOString().slice(0, 10)}`
          : `since ${since}`;
        print(
          `${member.email ?? "(deleted account)"}  ${member.role}  ${member.displayName ?? "-"}  ${status}`,
        );
      }
      if (args.history) {
        print("\nRole changes, newest first:");
        for (const change of await team.listTeamRoleChanges()) {
          const what =
            change.action === "removed"
              ? `removed (was ${change.previousRole})`
              : change.action === "changed"
                ? `${change.previousRole} -> ${change.role}`
                : `added as ${change.role}`;
          print(
            `${change.at.toISOString()}  ${change.email ?? "(deleted account)"}  ${what}  by ${change.operator}`,
          );
        }
      }
    }
  } finally {
    await disconnectDatabase();
  }
});
