import { getCurrentUser, isRecentSignIn } from "@/lib/auth/session";
import { exportCounselingData } from "@/lib/data/counseling-export";
import { exportTrackerData } from "@/lib/data/tracker-export";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { todayIn } from "@/lib/tracker/calendar-day";
import { checkInsCsv, EXPORT_FORMAT_VERSION, exportFileName } from "@/lib/tracker/export-files";

// POST /progress/export/json (everything) and /progress/export/csv (check-ins).
// The checks a server action would get, written out: a same-origin POST, a
// session, a sign-in in the last 10 minutes; then only this user's rows.

function seeOther(path: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: new URL(path, env.APP_URL).toString(), "Cache-Control": "no-store" },
  });
}

export async function POST(
  request: Request,
  { params }: { params: Promise<{ format: string }> },
): Promise<Response> {
  const { format } = await params;
  if (format !== "json" && format !== "csv") {
    return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  const kind = format;
  if (!isSameOriginRequest(request)) {
    logger.warn({ event: "tracker.export_refused", reason: "cross_site" }, "export refused");
    return new Response("Forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  const user = await getCurrentUser();
  if (!user) return seeOther("/signin?callbackUrl=%2Fprogress%2Fexport");
  if (!isRecentSignIn(user)) return seeOther("/progress/export?fresh=required");

  const data = await exportTrackerData({ userId: user.id });
  const today = todayIn(data.settings.timeZone);
  logger.info({ event: "tracker.export", userId: user.id, format: kind }, "tracker exported");

  const body =
    kind === "json"
      ? JSON.stringify(
          {
            format: "heartwork-tracker-export",
            version: EXPORT_FORMAT_VERSION,
            exportedAt: new Date().toISOString(),
            account: { email: user.email, name: user.name },
            ...data,
            counseling: await exportCounselingData({ userId: user.id }),
          },
          null,
          2,
        )
      : checkInsCsv(data.checkIns, new Map(data.slips.map((s) => [s.day, s.trigger])));
  return new Response(body, {
    headers: {
      "Content-Type":
        kind === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(kind, today)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
