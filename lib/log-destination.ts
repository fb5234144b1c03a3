import fs from "node:fs";

// Where log lines go: file descriptor 1, written directly, never blocking for
// long and never retrying a write that cannot succeed.
//
// pino's default destination (sonic-boom) flushes synchronously at exit and
// retries every failed write there, EPIPE included, forever: when whatever
// read our stdout has gone (a log shipper restarting, a closed terminal, a
// killed parent), a stopping server never exits. Here a write that fails for
// any reason but a full pipe marks the output gone and every later line is
// dropped; a full pipe (a slow reader) queues lines up to a bound, written
// again from a timer, and drops beyond it. Nothing here keeps the process
// alive or runs after `exit` has begun.

const RETRY_MS = 25;
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;

export type LogDestination = {
  write(line: string): boolean;
  /** Lines not written: the output was gone, or the queue for a full pipe was full. */
  readonly dropped: number;
  /** True once a write failed for good (the reader is gone). */
  readonly closed: boolean;
};

export function createLogDestination(fd = 1): LogDestination {
  const queue: Buffer[] = [];
  let queuedBytes = 0;
  let dropped = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  /** Writes the head of the queue; false when the pipe is full (try again later). */
  function drain(): boolean {
    while (queue.length > 0 && !closed) {
      const head = queue[0]!;
      let written: number;
      try {
        written = fs.writeSync(fd, head);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") return false;
        closed = true;
        dropped += queue.length;
        queue.length = 0;
        queuedBytes = 0;
        return true;
      }
      queuedBytes -= written;
      if (written < head.length) queue[0] = head.subarray(written);
      else queue.shift();
    }
    return true;
  }

  function retryLater(): void {
    timer ??= setTimeout(() => {
      timer = undefined;
      if (!drain()) retryLater();
    }, RETRY_MS).unref();
  }

  return {
    write(line: string): boolean {
      if (closed) {
        dropped++;
        return true;
      }
      const bytes = Buffer.from(line);
      if (queuedBytes + bytes.length > MAX_QUEUED_BYTES) {
        dropped++;
        return true;
      }
      queue.push(bytes);
      queuedBytes += bytes.length;
      if (queue.length === 1 && !drain()) retryLater();
      return true;
    },
    get dropped() {
      return dropped;
    },
    get closed() {
      return closed;
    },
  };
}
