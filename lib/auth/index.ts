import "server-only";
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// NextAuth is called once. The config is built lazily (per request) so that
// importing this module during `next build` neither needs AUTH_SECRET nor
// touches the database.
export const { auth, handlers, signIn, signOut } = NextAuth(() => authConfig());
