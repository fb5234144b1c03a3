import "server-only";
import { requireUser } from "@/lib/auth/session";
import { getOwnReferral } from "@/lib/data/counseling-referrals";

/**
 * What each step of a counseling request starts from: the signed-in person
 * (anyone else goes to sign in) and their own referral, or null before the
 * safety screen. Each page then decides which step the referral is ready for.
 */
export async function requireUserWithReferral() {
  const user = await requireUser();
  return { user, referral: await getOwnReferral({ userId: user.id }) };
}
