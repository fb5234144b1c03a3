import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  installPeerAddressStamp,
  isLoopbackAddress,
  loopbackListenHost,
  PEER_ADDRESS_HEADER,
} from "@/lib/security/peer-address";
import {
  createNetworkNamespace,
  getFrom,
  type NetworkNamespace,
} from "@/tests/support/network-namespace";

describe(isLoopbackAddress, () => {
  it.each([
    ["127.0.0.1", true],
    ["127.5.6.7", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["2001:db8::1", false],
    ["::", false],
    ["forwarded", false],
    ["", false],
    [null, false],
  ])("%j → %j", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe(loopbackListenHost, () => {
  it("listens where APP_URL's loopback name points", () => {
    expect(loopbackListenHost("http://localhost:3000")).toBe("127.0.0.1");
    expect(loopbackListenHost("http://127.0.0.1:3000")).toBe("127.0.0.1");
    expect(loopbackListenHost("http://[::1]:3000")).toBe("::1");
  });
});

describe(installPeerAddressStamp, () => {
  let server: http.Server;
  let namespace: NetworkNamespace;
  let port: number;

  beforeAll(async () => {
    installPeerAddressStamp();
    namespace = createNetworkNamespace();
    // A real server on every interface that answers with the stamp it was given.
    server = http.createServer((request, response) => {
      response.end(String(request.headers[PEER_ADDRESS_HEADER]));
    });
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    namespace?.remove();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("stamps a request from another host with that host's address, whatever the client claims", async () => {
    const url = `http://${namespace.hostAddress}:${port}/`;
    const plain = await getFrom(namespace, url);
    expect(plain).toEqual({ status: "200", body: namespace.peerAddress });
    expect(isLoopbackAddress(plain.body)).toBe(false);
    const forged = await getFrom(namespace, url, { [PEER_ADDRESS_HEADER]: "127.0.0.1" });
    expect(forged.body).toBe(namespace.peerAddress);
  });

  it("stamps a loopback request as loopback, unless it carries a forwarding header", async () => {
    const local = await fetch(`http://127.0.0.1:${port}/`);
    expect(isLoopbackAddress(await local.text())).toBe(true);
    for (const header of ["x-forwarded-for", "x-real-ip", "forwarded"]) {
      const proxied = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [header]: "127.0.0.1" },
      });
      expect(await proxied.text(), header).toBe("forwarded");
    }
  });
});
