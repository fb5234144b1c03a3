import { describeStartupError } from "@/lib/startup-errors";

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${describeStartupError(error)}\n`);
      process.exit(1);
    },
  );
}
