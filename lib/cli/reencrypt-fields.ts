// `npm run keys:reencrypt`: after putting a new key first in
// FIELD_ENCRYPTION_KEYS, rewrites every encrypted value under it. When it
// reports no unreadable values, the old key can be removed from the list.
import { runCli } from "@/lib/cli/run-cli";

runCli(async () => {
  const { connectOrExplain } = await import("@/lib/db/reachability");
  await connectOrExplain();
  const { fieldKeyring } = await import("@/lib/crypto/field-keys");
  const { reencryptFields } = await import("@/lib/data/reencrypt-fields");
  const { disconnectDatabase } = await import("@/lib/db");
  const keyring = fieldKeyring();
  const report = await reencryptFields({ keyring });
  await disconnectDatabase();
  let unreadable = 0;
  for (const [field, counts] of Object.entries(report)) {
    unreadable += counts.unreadable;
    process.stdout.write(
      `${field}: ${counts.rewritten} rewritten, ${counts.unreadable} unreadable\n`,
    );
  }
  process.stdout.write(
    unreadable === 0
      ? `Every value is now under key "${keyring.current.id}"; older keys can be removed.\n`
      : `${unreadable} value(s) could not be decrypted with any configured key; keep the old keys until you know why.\n`,
  );
  if (unreadable > 0) process.exitCode = 1;
});
