-- Shopify and WooCommerce sources, their webhook deliveries, and CSV imports (issue 16).
-- Written by hand: the schema engine's diff panicked on this machine (db:migration:create), it matches
-- prisma/schema.prisma (a test applies the migrations and the integration suite runs on them).

-- AlterEnum
ALTER TYPE "SourceType" ADD VALUE 'SHOPIFY';
ALTER TYPE "SourceType" ADD VALUE 'WOOCOMMERCE';

-- CreateEnum
CREATE TYPE "ShopDeliveryStatus" AS ENUM ('PROCESSED', 'IGNORED', 'FAILED');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "signingSecretEncrypted" TEXT;

-- CreateTable
CREATE TABLE "ShopWebhookDelivery" (
    "workspaceId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "status" "ShopDeliveryStatus" NOT NULL,
    "result" JSONB NOT NULL DEFAULT '{}',
    "export" JSONB,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShopWebhookDelivery_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Import" (
    "workspaceId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "sizeBytes" BIGINT NOT NULL DEFAULT 0,
    "totalRows" INTEGER,
    "cursorLine" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "actor" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),

    CONSTRAINT "Import_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "ImportChunk" (
    "workspaceId" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ImportChunk_pkey" PRIMARY KEY ("workspaceId","importId","seq")
);

-- CreateTable
CREATE TABLE "ImportError" (
    "workspaceId" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "ImportError_pkey" PRIMARY KEY ("workspaceId","importId","line")
);

-- CreateIndex
CREATE INDEX "Source_id_idx" ON "Source"("id");

-- CreateIndex
CREATE INDEX "ShopWebhookDelivery_workspaceId_sourceId_receivedAt_idx" ON "ShopWebhookDelivery"("workspaceId", "sourceId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShopWebhookDelivery_workspaceId_sourceId_deliveryId_key" ON "ShopWebhookDelivery"("workspaceId", "sourceId", "deliveryId");

-- CreateIndex
CREATE INDEX "Import_status_idx" ON "Import"("status");

-- AddForeignKey
ALTER TABLE "ShopWebhookDelivery" ADD CONSTRAINT "ShopWebhookDelivery_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopWebhookDelivery" ADD CONSTRAINT "ShopWebhookDelivery_workspaceId_sourceId_fkey" FOREIGN KEY ("workspaceId", "sourceId") REFERENCES "Source"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportChunk" ADD CONSTRAINT "ImportChunk_workspaceId_importId_fkey" FOREIGN KEY ("workspaceId", "importId") REFERENCES "Import"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportError" ADD CONSTRAINT "ImportError_workspaceId_importId_fkey" FOREIGN KEY ("workspaceId", "importId") REFERENCES "Import"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
