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
});
