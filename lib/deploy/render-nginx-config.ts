import fs from "node:fs";
import path from "node:path";

// Fills lib/deploy/nginx/heartwork.conf.template for a run on this machine
// (drills and benchmarks: loopback ports, a private run folder).

export type NginxSettings = {
  listen: string;
  upstreamPorts: number[];
  staticDir: string;
  runDir: string;
  user?: string;
};

const TEMPLATE = path.join(process.cwd(), "lib", "deploy", "nginx", "heartwork.conf.template");

export function renderNginxConfig(settings: NginxSettings): string {
  const values: Record<string, string> = {
    LISTEN: settings.listen,
    UPSTREAMS: settings.upstreamPorts
      .map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`)
      .join("\n    "),
    STATIC_DIR: path.resolve(settings.staticDir),
    RUN_DIR: path.resolve(settings.runDir),
    USER_LINE: settings.user ? `user ${settings.user};` : "",
  };
  return fs.readFileSync(TEMPLATE, "utf8").replace(/\$\{([A-Z_]+)\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx template: no value for ${match}`);
    return value;
  });
}
