// Liveness: the process answers. Deliberately touches nothing else, so an
// orchestrator never restarts healthy instances because the database is down.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
