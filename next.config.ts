import type { NextConfig } from "next";
import {
  HSTS_HEADER,
  STATIC_SECURITY_HEADERS,
  contentSecurityPolicy,
} from "./lib/security/headers";

// next.config runs before lib/env can be imported; these two reads only pick
// header variants and are validated again by lib/env at run time.
const production = process.env.NODE_ENV === "production";
const hsts = production || process.env.FORCE_HSTS === "true" || process.env.FORCE_HSTS === "1";

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
        headers: [
          ...STATIC_SECURITY_HEADERS,
          ...(hsts ? [HSTS_HEADER] : []),
          // The baseline policy for responses the proxy does not see (static
          // files, some error paths). The proxy overrides it per request.
          { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: !production }) },
        ],
      },
    ];
  },
};

export default nextConfig;
