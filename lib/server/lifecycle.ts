// Process-wide lifecycle flags, shared by the readiness probe and the
// shutdown handler. Kept on globalThis: Next may load this module in more
// than one bundle within the same process.

const state = globalThis as unknown as { __heartworkShuttingDown?: boolean };

export function isShuttingDown(): boolean {
  return state.__heartworkShuttingDown === true;
}

export function markShuttingDown(): void {
  state.__heartworkShuttingDown = true;
}
