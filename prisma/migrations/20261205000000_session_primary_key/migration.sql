-- Session had no primary key, only a unique index on "sessionToken". Every row
-- is found by its (hashed) token, so the token becomes the key: logical
-- replication, row-level tooling and Prisma's own introspection all want one,
-- and the unique index it replaces would only duplicate the key's index.
-- The key is added before the index goes, inside the runner's transaction, so
-- the table is never without a uniqueness guarantee.
ALTER TABLE "Session" ADD CONSTRAINT "Session_pkey" PRIMARY KEY ("sessionToken");
DROP INDEX "Session_sessionToken_key";
