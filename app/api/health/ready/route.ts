import { pingDatabase } from "@/lib/data/health";
import { isShuttingDown } from "@/lib/server/lifecycle";

// Readiness: can this instance serve real requests right now? 503 while the
// database is unreachable or the instance is draining for shutdown.
export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (isShuttingDown()) return Response.json({ status: "shutting-down" }, { status: 503, headers });
  const database = await pingDatabase();
  return database
    ? Response.json({ status: "ready", database: "up" }, { headers })
    : Response.json({ status: "unavailable", database: "down" }, { status: 503, headers });
}
