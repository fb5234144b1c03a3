import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Without nginx, bench:load once died with an unhandled `spawn nginx ENOENT`
// after starting two servers it then left behind. Now every script that needs
// nginx says so and stops before it builds or starts anything.

const SCRIPTS = ["tests/bench/load.ts", "tests/drills/multi.ts", "tests/drills/faults/main.ts"];

describe("a script that needs nginx, on a machine without it", () => {
  it.each(SCRIPTS)("%s says what is missing and exits 2 at once", { timeout: 60_000 }, (script) => {
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", script],
      {
        env: { ...process.env, NGINX_BIN: "/nonexistent/nginx", LOG_LEVEL: "silent" },
        encoding: "utf8",
        timeout: 50_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot run: nginx is not installed/);
    expect(run.stderr).toMatch(/apt-get install -y nginx-light/);
    // Nothing was built or started: that takes minutes, this took seconds.
    expect(run.stdout).not.toMatch(/building|seeded|Fault drills/i);
    expect(Date.now() - started).toBeLessThan(45_000);
  });
});
