-- Shop webhook deliveries are answered at once and processed in batches by a job: a delivery waits as
-- QUEUED with its raw body kept (cleared once processed), and the job takes a source's queued ones in
-- arrival order through the new index. The runtime role's table-level grants cover the new column.
ALTER TYPE "ShopDeliveryStatus" ADD VALUE IF NOT EXISTS 'QUEUED';

ALTER TABLE "ShopWebhookDelivery" ADD COLUMN "payload" TEXT;

CREATE INDEX "ShopWebhookDelivery_workspaceId_sourceId_status_id_idx" ON "ShopWebhookDelivery"("workspaceId", "sourceId", "status", "id");
