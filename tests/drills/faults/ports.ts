// The drills' loopback ports: DRILL_PORT (default 4200) up to DRILL_PORT + 49,
// so engineers sharing a machine can each run them on a range of their own.
const base = Number(process.env.DRILL_PORT ?? 4200);

export const PORTS = {
  instance: (n: number) => base + 1 + n, // +1..+9
  nginx: base + 20,
  smtp: (n: number) => base + 30 + n, // +30..+39
  proxy: (n: number) => base + 40 + n, // +40..+49
};
