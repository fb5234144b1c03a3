import { describe, expect, it } from "vitest";
import { selectableTimeZones } from "@/lib/tracker/time-zones";

describe("selectableTimeZones", () => {
  it("offers the current city names, not the dropped ones this runtime lists", () => {
    const zones = selectableTimeZones("UTC");
    for (const [dropped, current] of [
      ["Asia/Calcutta", "Asia/Kolkata"],
      ["Europe/Kiev", "Europe/Kyiv"],
      ["Asia/Saigon", "Asia/Ho_Chi_Minh"],
    ]) {
      expect(zones).toContain(current);
      expect(zones).not.toContain(dropped);
    }
  });

  it("starts with UTC and the person's own zone, even an old spelling, each once", () => {
    const zones = selectableTimeZones("Asia/Calcutta");
    expect(zones.slice(0, 2)).toEqual(["UTC", "Asia/Calcutta"]);
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).toContain("Australia/Adelaide");
  });

  it("keeps the rest in alphabetical order, so a city is where a reader looks for it", () => {
    const rest = selectableTimeZones("UTC").slice(1);
    expect(rest).toEqual([...rest].sort());
  });
});
