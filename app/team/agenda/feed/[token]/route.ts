import { NextResponse, type NextRequest } from "next/server";
import { agendaFeedTokenFromSegment } from "@/lib/booking/agenda-feed-token";
import { agendaFeedCalendar } from "@/lib/booking/session-calendar";
import { isDatabaseUnavailable } from "@/lib/data/database-unavailable";
import { consumeRateLimit } from "@/lib/data/rate-limits";
import { readAgendaFeed } from "@/lib/data/team-agenda";
import { env } from "@/lib/env";

// A counselor's private calendar feed (/team/agenda). Calendar apps fetch it
// without a session: the token in the path is its only authority. An unknown,
// revoked or malformed token, or one whose member was removed, gets the same
// plain 404 as any missing page. The token is never logged (nothing here logs
// the path). The proxy sends no-store and noindex for every /team path; the
// answer repeats no-store itself.
export const dynamic = "force-dynamic";

/** Fetches per feed link in each window: a calendar app polls every few minutes at most. */
const FEED_FETCHES_PER_WINDOW = 60;
const FEED_WINDOW_MS = 10 * 60_000;

const PLAIN = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };

export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ token: string }> },
) {
  const token = agendaFeedTokenFromSegment((await params).token);
  if (!token) return notFound();
  try {
    const feed = await readAgendaFeed({ token });
    if (!feed) return notFound();
    const limit = await consumeRateLimit({
      key: `agenda-feed:${feed.feedId}`,
      limit: FEED_FETCHES_PER_WINDOW,
      windowMs: FEED_WINDOW_MS,
    });
    if (!limit.allowed) {
      const seconds = Math.max(1, Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000));
      return new NextResponse("Too many requests for this calendar. Please try again later.", {
        status: 429,
        headers: { ...PLAIN, "retry-after": String(seconds) },
      });
    }
    const body = agendaFeedCalendar(
      feed.sessions.map((session) => ({
        uid: session.icsUid,
        sequence: session.icsSequence,
        startsAt: session.startsAt,
        lengthMinutes: session.lengthMinutes,
        referralId: session.referralId,
      })),
      { appUrl: env.APP_URL, stamp: new Date() },
    );
    return new NextResponse(body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="heartwork-agenda.ics"',
        "cache-control": "no-store",
        "x-robots-tag": "noindex, nofollow",
      },
    });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return new NextResponse("The calendar is not available right now. Please try again later.", {
      status: 503,
      headers: { ...PLAIN, "retry-after": "120" },
    });
  }
}

function notFound() {
  return new NextResponse("Not found", { status: 404, headers: PLAIN });
}
