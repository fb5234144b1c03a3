// The header's account area. A plain link, the same for everyone: reading the
// session here would make every page (the article too) dynamic and per-user.
// Not next/link: the header ships with every page, and next/link's client code
// (and its background prefetch of /account) would be the only component the
// article hydrates. /account sends a signed-out visitor to sign in and back.
export function AccountLink() {
  return (
    <a href="/account" className="text-sm font-medium underline-offset-4 hover:underline">
      Account
    </a>
  );
}
