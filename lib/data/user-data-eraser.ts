import type { Prisma } from "@/lib/db";

// The shape every eraser of a person's data has (lib/data/delete-account.ts
// lists them; lib/data/counseling-erasers.ts holds the counseling ones). Its
// own file so that neither of those two imports the other for it.

export type DeletedUser = { id: string; email: string };

export type UserDataEraser = (tx: Prisma.TransactionClient, user: DeletedUser) => Promise<unknown>;
