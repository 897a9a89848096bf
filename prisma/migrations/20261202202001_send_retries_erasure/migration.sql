-- Send: temporary SMTP failures (4xx) are retried with backoff, and an erased person's address is suppressed.
ALTER TYPE "SuppressionReason" ADD VALUE 'ERASED';

-- attempts: the SMTP hand-overs tried so far. retryAt: a temporarily refused recipient is claimed again
-- only from then on (NULL: at once).
ALTER TABLE "CampaignRecipient" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
                                ADD COLUMN "retryAt" TIMESTAMP(3);
