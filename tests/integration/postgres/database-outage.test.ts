import { afterAll, describe, expect, it, vi } from "vitest";
import { TcpProxy } from "../../support/tcp-proxy";

// The app's pool goes through a proxy we can cut: a real outage as the app sees
// it (connections reset, new ones refused), on the real PostgreSQL server.
const target = new URL(process.env.DATABASE_URL!);
const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
await proxy.start();

const { closeConnection } = await import("@/lib/db/connection");
await closeConnection();
vi.resetModules();
const proxied = new URL(target);
proxied.host = `127.0.0.1:${proxy.port}`;
process.env.DATABASE_URL = proxied.toString();
const { GET: ready } = await import("@/app/api/health/ready/route");
const { closeConnection: closeProxied } = await import("@/lib/db/connection");
const { listenToChannel } = await import("@/lib/db/listen");
const { isLiveSession } = await import("@/lib/data/sessions");
const { isDatabaseUnavailable } = await import("@/lib/data/database-unavailable");

async function waitUntilReady(): Promise<number> {
  const started = Date.now();
  let status = await readyStatus();
  while (status !== 200 && Date.now() - started < 10_000) {
    await new Promise((r) => setTimeout(r, 200));
    status = await readyStatus();
  }
  return status;
}

afterAll(async () => {
  await closeProxied();
  await proxy.cut();
});

async function readyStatus(): Promise<number> {
  return (await ready()).status;
}

describe("a PostgreSQL outage", () => {
  it("turns readiness to 503 without crashing, and recovers by itself", async () => {
    expect(await readyStatus()).toBe(200);

    await proxy.cut();
    expect(await readyStatus()).toBe(503);
    expect(await readyStatus()).toBe(503);

    await proxy.restore();
    const started = Date.now();
    let status = await readyStatus();
    while (status !== 200 && Date.now() - started < 10_000) {
      await new Promise((r) => setTimeout(r, 200));
      status = await readyStatus();
    }
    expect(status).toBe(200);
  });

  it('fails a session lookup in a way we tell apart from "no session"', async () => {
    expect(await isLiveSession({ sessionToken: "no-such-token" })).toBe(false);
    await proxy.cut();
    const error = await isLiveSession({ sessionToken: "no-such-token" }).then(
      () => null,
      (e: unknown) => e,
    );
    await proxy.restore();
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await waitUntilReady()).toBe(200);
  });

  it("wakes a listener when its connection comes back after an outage", async () => {
    let notified = 0;
    const unlisten = await listenToChannel("heartwork_outage_test", () => notified++);
    try {
      await proxy.cut();
      await new Promise((r) => setTimeout(r, 300));
      const duringOutage = notified;
      await proxy.restore();
      // Mail committed during the outage was never announced: the reconnect must say so.
      const started = Date.now();
      while (notified === duringOutage && Date.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(notified).toBeGreaterThan(duringOutage);
    } finally {
      await unlisten();
    }
  });
});
