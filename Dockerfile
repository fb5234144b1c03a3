# Heartwork container image. Multi-stage, runs as a non-root user.
# It cannot be built on our development machines (no Docker engine there);
# it is kept simple and conventional. Not `output: "standalone"`: the migration
# and worker entry points (lib/cli/*.ts) need the sources and tsx at run time.
#
#   docker build -t heartwork .
#   docker run --rm -e DATABASE_URL=... heartwork npm run db:migrate   # before each rollout
#   docker run -p 3000:3000 -e DATABASE_URL=... -e APP_URL=https://... -e AUTH_SECRET=... heartwork

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 NEXT_MANUAL_SIG_HANDLE=1
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json /app/proxy.ts /app/instrumentation.ts ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/lib ./lib
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/content ./content
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# next start directly (not npm start): migrations run as a separate step.
CMD ["node", "node_modules/next/dist/bin/next", "start", "-p", "3000"]
