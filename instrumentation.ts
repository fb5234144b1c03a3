// Runs once when the server starts. Configuration mistakes (bad environment,
// a locked embedded database, an unreachable PostgreSQL) stop the process with
// one readable line instead of failing the first visitor's request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // First, so that every request the server answers carries its socket's address.
  const { installPeerAddressStamp } = await import("@/lib/security/peer-address");
  installPeerAddressStamp();
  const { startServer } = await import("@/lib/server/start");
  await startServer();
}
