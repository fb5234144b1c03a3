import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null } & DefaultSession["user"];
    /** ISO time the session was created: the moment of the magic-link click. */
    signedInAt: string;
  }
}
