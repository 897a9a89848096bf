-- Masking by role, for outgoing webhooks: a subscription may send personal data masked (as a masked member
-- reads it) when its receiver needs the events but not who the people are.
ALTER TABLE "WebhookSubscription" ADD COLUMN "maskPersonalData" BOOLEAN NOT NULL DEFAULT false;
