-- Send: temporary SMTP failures (4xx) are retried with backoff; an erased person's address is suppressed.
-- Adding an enum value inside the migration's transaction is fine from PostgreSQL 12 on, as long as the
-- same transaction does not use it.
ALTER TYPE "SuppressionReason" ADD VALUE 'ERASED';

-- attempts: SMTP hand-overs tried so far; retryAt: a temporarily refused recipient is claimed again
-- only from then on (NULL: now).
ALTER TABLE "CampaignRecipient" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
                                ADD COLUMN "retryAt" TIMESTAMP(3);
