-- Identity and CustomerSource lose their own foreign key to Workspace: the composite key to Customer
-- (workspaceId, customerId) already requires an existing workspace and cascades its deletion, and each key
-- checked is paid on every insert (an import writes an identity per row). The rename only catches the index
-- up with the name Prisma gives it (it had been created under a truncated one).

-- DropForeignKey
ALTER TABLE "CustomerSource" DROP CONSTRAINT "CustomerSource_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Identity" DROP CONSTRAINT "Identity_workspaceId_fkey";

-- RenameIndex
ALTER INDEX "CampaignRecipient_workspaceId_campaignId_customerId_automationR" RENAME TO "CampaignRecipient_workspaceId_campaignId_customerId_automat_key";
