import { describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { markShuttingDown } from "@/lib/server/lifecycle";

describe("health endpoints", () => {
  it("liveness answers without touching anything", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "live" });
  });

  it("readiness is 200 while the database answers", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", database: "up" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("readiness turns 503 as soon as shutdown starts", async () => {
    markShuttingDown();
    const response = await ready();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "shutting-down" });
  });
});
