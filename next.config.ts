import type { NextConfig } from "next";
import { baselineSecurityHeaders } from "./lib/security/headers";

// next.config runs before lib/env can be imported; these two reads only pick
// header variants and are validated again by lib/env at run time.
const production = process.env.NODE_ENV === "production";
const forceHsts = process.env.FORCE_HSTS === "true" || process.env.FORCE_HSTS === "1";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Unmatched URLs render app/global-not-found.tsx per request, so the root
    // not-found.tsx (sent with every page) can stay static; see that file.
    globalNotFound: true,
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
