import Link from "next/link";

// The header's account area. A plain link, the same for everyone: reading the
// session here would make every page (the article too) dynamic and per-user.
// /account sends a signed-out visitor to sign in and back.
export function AccountLink() {
  return (
    <Link href="/account" className="text-sm font-medium underline-offset-4 hover:underline">
      Account
    </Link>
  );
}
