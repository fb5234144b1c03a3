import { getCurrentUser, isRecentSignIn } from "@/lib/auth/session";
import {
  trackerExportCsv,
  trackerExportJson,
  trackerExportSettings,
} from "@/lib/data/tracker-export";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { todayIn } from "@/lib/tracker/calendar-day";
import { exportFileName } from "@/lib/tracker/export-files";
import { streamOfPieces } from "@/lib/tracker/json-stream";

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

  const settings = await trackerExportSettings({ userId: user.id });
  const today = todayIn(settings.timeZone);
  logger.info({ event: "tracker.export", userId: user.id, format: kind }, "tracker exported");

  // Streamed a page of rows at a time (issue 13 item 7): memory stays flat
  // however long the history is. The checks above all ran before the first byte.
  const pieces =
    kind === "json"
      ? trackerExportJson({
          userId: user.id,
          account: { email: user.email, name: user.name },
          settings,
          exportedAt: new Date().toISOString(),
        })
      : trackerExportCsv({ userId: user.id });
  const body = streamOfPieces(pieces, (error) =>
    logger.error({ event: "tracker.export_failed", err: error, format: kind }, "export cut short"),
  );
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
