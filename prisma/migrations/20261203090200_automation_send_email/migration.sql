-- The sendEmail automation action (issue 14): a campaign used as a triggered e-mail template. Its messages
-- are recipient rows of the campaign like a broadcast's (so unsubscribe links, opens, clicks, bounces,
-- erasure and the report work unchanged), marked with their origin and the run that sent them.
CREATE TYPE "RecipientOrigin" AS ENUM ('CAMPAIGN', 'AUTOMATION');

ALTER TABLE "CampaignRecipient"
    ADD COLUMN "origin" "RecipientOrigin" NOT NULL DEFAULT 'CAMPAIGN',
    ADD COLUMN "automationId" UUID,
    ADD COLUMN "automationRunId" UUID;

-- One broadcast message per customer and campaign as before (the run is null, and nulls are not distinct),
-- and at most one triggered message per run: a retried run job finds its row and sends nothing twice.
DROP INDEX "CampaignRecipient_workspaceId_campaignId_customerId_key";
CREATE UNIQUE INDEX "CampaignRecipient_workspaceId_campaignId_customerId_automationRunId_key"
    ON "CampaignRecipient"("workspaceId", "campaignId", "customerId", "automationRunId") NULLS NOT DISTINCT;
