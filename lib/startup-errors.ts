// Errors that mean "the configuration is wrong", not "the code is broken".
// Entry points print their message as one line and exit non-zero.
const CONFIGURATION_ERRORS = new Set([
  "EnvError",
  "MigrationError",
  "DataFolderLockedError",
  "DatabaseUnreachableError",
  "DatabaseDuringBuildError",
  "FieldEncryptionConfigError",
]);

export function describeStartupError(error: unknown): string {
  const err = error as Error | undefined;
  if (err && CONFIGURATION_ERRORS.has(err.name)) return `heartwork: ${err.message}`;
  return `heartwork: unexpected failure\n${err?.stack ?? String(error)}`;
}
