// When whatever reads our stdout/stderr goes away, the next write to either
// fails with EPIPE, emitted as an 'error' event on process.stdout/stderr.
// Unheard, it becomes an uncaught exception; Next's router server logs those
// with console.error to the same dead stderr, whose EPIPE is again uncaught:
// an instance seen spinning at 100% of a core for minutes, deaf to SIGTERM.
// Listening here ends that loop: the stream is destroyed, later console
// writes are dropped quietly, and the server keeps serving (our own log lines
// go through lib/log-destination.ts, which gives up on a dead output too).

const state = globalThis as unknown as { __heartworkOutputGuarded?: boolean };

export function guardProcessOutput(): void {
  if (state.__heartworkOutputGuarded) return;
  state.__heartworkOutputGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", () => {
      // Nowhere left to report it: the stream that failed is the report channel.
    });
  }
}
