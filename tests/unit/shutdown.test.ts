import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { shutDown } from "@/lib/server/shutdown";
import { isShuttingDown } from "@/lib/server/lifecycle";

// The shutdown handler against a real HTTP server in this process (it finds
// servers the way it finds Next's: among the process's active handles).

let finishSlowRequest: () => void = () => {};
const server = http.createServer((request, response) => {
  if (request.url === "/slow") {
    finishSlowRequest = () => response.end("slow done");
    return;
  }
  response.end("quick");
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const idleAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => {
  agent.destroy();
  idleAgent.destroy();
  server.closeAllConnections();
});

function get(
  path: string,
  through = agent,
): Promise<{ status?: number; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path, agent: through }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({ status: response.statusCode, connection: response.headers.connection }),
      );
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
  });
}

describe("graceful shutdown", () => {
  it("lets a keep-alive request in flight finish with Connection: close, and a second signal waits for the drain", async () => {
    // Warm the keep-alive connection, then start a request that is still running at shutdown.
    expect(await get("/")).toMatchObject({ status: 200, connection: "keep-alive" });
    expect(await get("/", idleAgent)).toMatchObject({ status: 200, connection: "keep-alive" });
    const slow = get("/slow");
    await new Promise((r) => setTimeout(r, 50));

    let finished = false;
    const first = shutDown({ reason: "test", timeoutMs: 10_000 }).then(() => (finished = true));
    expect(isShuttingDown()).toBe(true);
    // A request the client sends on an idle keep-alive connection just as
    // shutdown starts is served (not reset), and that connection closes.
    expect(await get("/", idleAgent)).toEqual({ status: 200, connection: "close" });
    // A second SIGTERM during the drain must not end it early.
    const second = shutDown({ reason: "second signal", timeoutMs: 10_000 });
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 600));
    expect(finished).toBe(false);
    expect(secondDone).toBe(false);

    finishSlowRequest();
    // The response completes, and tells the client not to reuse the connection.
    expect(await slow).toEqual({ status: 200, connection: "close" });
    await first;
    await second;
    expect(secondDone).toBe(true);
    expect(server.listening).toBe(false);
    // The client's next request opens a new connection (refused now), never a reset one.
    expect((await get("/")).error).toBe("ECONNREFUSED");
  });
});
