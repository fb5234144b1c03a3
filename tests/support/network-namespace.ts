import { execFile, execFileSync, spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";

// A second network host on this machine, for tests that must come from an
// address that is not loopback: a network namespace joined to ours by a veth
// pair on a private /30. Our side gets `.1` (`hostAddress`), the namespace
// `.2` (`peerAddress`). Traffic goes only between the two ends of the pair; it
// never reaches another machine. Needs root and iproute2 (CI runs as root).
// Removed by `remove()`, and on any exit of this process.

export type NetworkNamespace = {
  name: string;
  hostAddress: string;
  peerAddress: string;
  /** Runs a command inside the namespace (its traffic comes from `peerAddress`); never blocks. */
  run(command: string, args: string[]): Promise<{ stdout: string; stderr: string }>;
  remove(): void;
};

function ip(...args: string[]) {
  execFileSync("ip", args, { stdio: ["ignore", "ignore", "pipe"] });
}

export function createNetworkNamespace(): NetworkNamespace {
  if (process.getuid?.() !== 0) {
    throw new Error(
      "This test needs root (it makes a network namespace to connect from a non-loopback address)",
    );
  }
  const id = `${process.pid % 10_000}${randomInt(100, 999)}`;
  const name = `hwns${id}`;
  const hostSide = `hwh${id}`;
  const peerSide = `hwp${id}`;
  const subnet = `10.231.${randomInt(0, 256)}.${randomInt(0, 64) * 4}`;
  const base = subnet.split(".").map(Number) as [number, number, number, number];
  const hostAddress = `${base[0]}.${base[1]}.${base[2]}.${base[3] + 1}`;
  const peerAddress = `${base[0]}.${base[1]}.${base[2]}.${base[3] + 2}`;

  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    // Deleting the namespace deletes the veth end inside it, and with it the pair.
    spawnSync("ip", ["netns", "del", name], { stdio: "ignore" });
    spawnSync("ip", ["link", "del", hostSide], { stdio: "ignore" });
    process.off("exit", remove);
  };
  process.on("exit", remove);
  try {
    ip("netns", "add", name);
    ip("link", "add", hostSide, "type", "veth", "peer", "name", peerSide);
    ip("link", "set", peerSide, "netns", name);
    ip("addr", "add", `${hostAddress}/30`, "dev", hostSide);
    ip("link", "set", hostSide, "up");
    ip("netns", "exec", name, "ip", "addr", "add", `${peerAddress}/30`, "dev", peerSide);
    ip("netns", "exec", name, "ip", "link", "set", peerSide, "up");
    ip("netns", "exec", name, "ip", "link", "set", "lo", "up");
  } catch (error) {
    remove();
    throw error;
  }
  return {
    name,
    hostAddress,
    peerAddress,
    run(command, args) {
      return new Promise((resolve) => {
        execFile(
          "ip",
          ["netns", "exec", name, command, ...args],
          { encoding: "utf8", timeout: 30_000 },
          (_error, stdout, stderr) => resolve({ stdout, stderr }),
        );
      });
    },
    remove,
  };
}

// A GET made by a node process inside the namespace (no curl needed): prints the
// status and the body as JSON, or status "000" when nothing answered.
const GET_SCRIPT = `
const [url, headers] = [process.argv[1], JSON.parse(process.argv[2])];
const done = (status, body) => { process.stdout.write(JSON.stringify({ status, body })); process.exit(0); };
require("node:http")
  .get(url, { headers, timeout: 10000 }, (res) => {
    let body = "";
    res.setEncoding("utf8");
    res.on("data", (chunk) => (body += chunk));
    res.on("end", () => done(String(res.statusCode), body));
  })
  .on("timeout", () => done("000", ""))
  .on("error", () => done("000", ""));
`;

/** GET from inside the namespace: the HTTP status ("000" when nothing answered) and the body. */
export async function getFrom(
  namespace: NetworkNamespace,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: string; body: string }> {
  const { stdout } = await namespace.run(process.execPath, [
    "-e",
    GET_SCRIPT,
    url,
    JSON.stringify(headers),
  ]);
  return JSON.parse(stdout) as { status: string; body: string };
}
