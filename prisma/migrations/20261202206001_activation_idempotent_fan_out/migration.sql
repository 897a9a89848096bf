-- Idempotent fan-out: a delivery is kept once per subscription and domain event (sourceKey), so a
-- retried fan-out job inserts no second row and queues no second attempt. NULL keys (pings) never conflict.
ALTER TABLE "WebhookDelivery" ADD COLUMN "sourceKey" TEXT;

CREATE UNIQUE INDEX "WebhookDelivery_workspaceId_subscriptionId_sourceKey_key"
    ON "WebhookDelivery"("workspaceId", "subscriptionId", "sourceKey");

-- One run per automation and event: duplicates a retried job may already have made fold into the oldest.
DELETE FROM "AutomationRun" r
 USING "AutomationRun" o
 WHERE o."workspaceId" = r."workspaceId" AND o."automationId" = r."automationId" AND o."eventId" = r."eventId"
   AND o.id < r.id;

CREATE UNIQUE INDEX "AutomationRun_workspaceId_automationId_eventId_key"
    ON "AutomationRun"("workspaceId", "automationId", "eventId");
