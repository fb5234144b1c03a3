// A named job: periodic database work the worker process does besides sending
// mail (documenso's jobs/definitions shape: one file per job). A job must be
// safe to run on several instances at once, and to run late or twice: each
// one is a conditional UPDATE or DELETE that a second run finds nothing to do.

export type JobDefinition = {
  /** Kebab-case, unique: it names the job in logs. */
  name: string;
  schedule: { everyMs: number };
  /** Resolves to the number of rows it changed, for the log. */
  run(): Promise<number>;
};
