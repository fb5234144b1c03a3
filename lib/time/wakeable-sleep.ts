// The pause between turns of a background loop (the email worker, the job
// runner): it ends after `ms`, or at once when woken — by new mail, or by
// stop() so that shutting down never waits out a long idle pause. A wake that
// comes while no pause is running is kept for the next one, so a notification
// that arrives mid-turn is not lost and the loop looks again straight away.

export type WakeableSleep = {
  /** Resolves after `ms`, or as soon as wake() is called (or was, since the last pause). */
  sleep(ms: number): Promise<void>;
  /** Ends the running pause, or the next one if none is running. */
  wake(): void;
};

export function wakeableSleep(): WakeableSleep {
  let wakeUp: (() => void) | undefined;
  let wokenEarly = false;
  return {
    sleep(ms) {
      if (wokenEarly) {
        wokenEarly = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = undefined;
          resolve();
        }
        wakeUp = done;
      });
    },
    wake() {
      if (wakeUp) wakeUp();
      else wokenEarly = true;
    },
  };
}
