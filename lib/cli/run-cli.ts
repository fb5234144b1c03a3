import { describeStartupError } from "@/lib/startup-errors";

export function runCli(main: () => Promise<void>): void {
  main().then(
    // A command that refused (process.exitCode set) must not report success.
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      process.stderr.write(`${describeStartupError(error)}\n`);
      process.exit(1);
    },
  );
}
