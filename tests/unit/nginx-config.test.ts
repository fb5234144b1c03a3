import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderNginxConfig } from "@/lib/deploy/render-nginx-config";

// The production recipe must stay a configuration nginx accepts (checked by
// the real nginx binary), and keep the settings the app depends on.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function render() {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-nginx-test-"));
  dirs.push(runDir);
  const config = renderNginxConfig({
    listen: "127.0.0.1:4199",
    upstreamPorts: [4101, 4102],
    staticDir: path.join(process.cwd(), ".next", "static"),
    runDir,
    user: process.getuid?.() === 0 ? "root" : undefined,
  });
  const file = path.join(runDir, "nginx.conf");
  fs.writeFileSync(file, config);
  return { config, file, runDir };
}

describe("the nginx recipe", () => {
  it("is a configuration nginx accepts", () => {
    const { file, runDir } = render();
    const nginx = fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
    const result = spawnSync(nginx, ["-t", "-q", "-c", file, "-p", runDir], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("forwards the Host with its port, which Next's server-action Origin check compares", () => {
    const { config } = render();
    expect(config).toMatch(/proxy_set_header Host \$http_host;/);
    expect(config).toMatch(/proxy_set_header X-Forwarded-Host \$http_host;/);
    expect(config).not.toMatch(/proxy_set_header Host \$host;/);
  });

  it("overwrites the client address headers and lists every instance", () => {
    const { config } = render();
    expect(config).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(config).toMatch(/proxy_set_header X-Real-IP \$remote_addr;/);
    expect(config).toContain("server 127.0.0.1:4101 ");
    expect(config).toContain("server 127.0.0.1:4102 ");
    expect(config).toContain("proxy_hide_header x-nextjs-cache;");
  });

  it("compresses what the instances no longer do (PROXY_COMPRESSES=true): pages and React's payload", () => {
    const { config } = render();
    expect(config).toMatch(/^\s*gzip on;/m);
    // text/html is always compressed once gzip is on; the rest must be listed.
    const types = /^\s*gzip_types ([^;]+);/m.exec(config)?.[1]?.split(/\s+/) ?? [];
    expect(types).toEqual(
      expect.arrayContaining(["text/x-component", "application/javascript", "text/css"]),
    );
  });
});
