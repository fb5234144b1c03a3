import { describe, expect, it } from "vitest";
import { wakeableSleep } from "@/lib/time/wakeable-sleep";

/** Which of the pause and a plain timer of `ms` ends first. */
async function race(pause: Promise<void>, ms: number): Promise<"pause" | "timer"> {
  let timer: NodeJS.Timeout | undefined;
  const winner = await Promise.race([
    pause.then(() => "pause" as const),
    new Promise<"timer">((resolve) => (timer = setTimeout(() => resolve("timer"), ms))),
  ]);
  clearTimeout(timer);
  return winner;
}

describe(wakeableSleep, () => {
  it("ends on its own after the time given", async () => {
    const started = Date.now();
    await wakeableSleep().sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("ends at once when woken, long before its time", async () => {
    const pause = wakeableSleep();
    const sleeping = pause.sleep(60_000);
    pause.wake();
    expect(await race(sleeping, 1_000)).toBe("pause");
  });

  it("keeps a wake that came between pauses for the next pause only", async () => {
    const pause = wakeableSleep();
    pause.wake();
    expect(await race(pause.sleep(60_000), 1_000)).toBe("pause");
    // The kept wake is spent: the following pause runs its course again.
    expect(await race(pause.sleep(60_000), 50)).toBe("timer");
    pause.wake(); // end that pause, so no timer outlives the test
  });
});
