-- Rate limits shared by every app instance (rate-limiter-flexible's PostgreSQL store, lib/server/limits).
-- The table is created here, not by the library at run time, so that the server needs no DDL right: it only
-- reads, upserts and deletes rows. Columns are the library's: key, consumed points, expiry in epoch ms.
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- The library deletes rows expired an hour ago every five minutes.
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- The sign-in throttle now uses "RateLimit" (keyed by account and address, consumed atomically).
DROP TABLE "RateLimitBucket";

-- Per source: events per minute its write key may send (null: ATRIUM_RATE_LIMIT_INGEST).
ALTER TABLE "Source" ADD COLUMN "rateLimitPerMinute" INTEGER;

-- Sessions of the admin app ended by signing out: the NextAuth cookie carries the id, and an id listed here
-- is refused until the cookie would have expired anyway.
CREATE TABLE "RevokedSession" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");
