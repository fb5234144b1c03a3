// `npx tsx tests/bench/profile-top.ts <file.cpuprofile | dir> [count]`: the top
// entries of a V8 CPU profile (a directory means its newest .cpuprofile).
import { reportProfile } from "./support/cpu-profile";

const [target, count] = process.argv.slice(2);
if (!target) throw new Error("usage: profile-top.ts <file.cpuprofile | directory> [count]");
reportProfile(target, Number(count ?? 15));
