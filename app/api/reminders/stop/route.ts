import { NextResponse, type NextRequest } from "next/server";
import { isDatabaseUnavailable } from "@/lib/data/database-unavailable";
import { stopRemindersWithToken } from "@/lib/data/reminders";
import { env } from "@/lib/env";
import { STOP_PAGE_PATH } from "@/lib/reminders/stop-token";

// The one-click stop of a reminder email (RFC 8058). A mail client's own
// "Unsubscribe" button POSTs `List-Unsubscribe=One-Click` here, cross-site and
// without cookies: the token in the URL is the only authority. Our confirm page
// POSTs the same way. A GET (a link scanner, a pasted link) changes nothing and
// shows the confirm page. Every POST gets the same answer whether the token
// matched or not (SECURITY.md 35), so the endpoint tells nobody which links are real.
export const dynamic = "force-dynamic";

const ONE_CLICK_BODY = "List-Unsubscribe=One-Click";

export function GET(request: NextRequest) {
  return NextResponse.redirect(`${env.APP_URL}${STOP_PAGE_PATH}${request.nextUrl.search}`, 303);
}

export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("t");
  const body = (await request.text()).slice(0, 200);
  try {
    await stopRemindersWithToken({ token });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return new NextResponse("Not stopped yet: please try again in a few minutes.", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "120" },
    });
  }
  // The mail client wants a 2xx; a person on our confirm page wants a page.
  if (body.trim() === ONE_CLICK_BODY) {
    return new NextResponse("Reminders stopped.", {
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.redirect(`${env.APP_URL}${STOP_PAGE_PATH}/done`, 303);
}
