import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/action-body";
import { baselineSecurityHeaders } from "./lib/security/headers";

// next.config runs before lib/env can be imported; these two reads only pick
// header variants and are validated again by lib/env at run time.
const production = process.env.NODE_ENV === "production";
const forceHsts = process.env.FORCE_HSTS === "true" || process.env.FORCE_HSTS === "1";
// Read when `next start` starts (not baked into the build): behind our nginx
// (lib/deploy/nginx gzips), the instance sends responses as they are and nginx
// compresses them; alone (`npm start`), Next compresses them itself.
const proxyCompresses =
  process.env.PROXY_COMPRESSES === "true" || process.env.PROXY_COMPRESSES === "1";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  compress: !proxyCompresses,
  experimental: {
    // Unmatched URLs render app/global-not-found.tsx per request, so the root
    // not-found.tsx (sent with every page) can stay static; see that file.
    globalNotFound: true,
    serverActions: {
      // The largest real form: a check-in's 5,000-character note and 500-character
      // trigger, at up to 3 bytes a character, with the form's other fields and
      // React's own, is under 20 KB; the limit is nginx's 256 KiB so an over-long
      // paste gets the field's own message (lib/security/action-body.ts). More is refused before any
      // parsing (Next's default, 1 MB, let a body of 19,000 copies of one field in);
      // proxy.ts answers 413 first, where Next would answer 500.
      bodySizeLimit: ACTION_BODY_LIMIT_BYTES,
    },
  },
  reactStrictMode: true,
  // Native, WASM or worker-based server packages must not be bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "nodemailer",
  ],
  // The embedded database migrates itself at start, so the SQL ships with the server.
  outputFileTracingIncludes: { "/*": ["./prisma/migrations/**/*"] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: baselineSecurityHeaders({ production, forceHsts }),
      },
    ];
  },
};

export default nextConfig;
