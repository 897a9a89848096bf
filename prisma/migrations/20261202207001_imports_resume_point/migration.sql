-- CSV imports resume where they stopped (issue 16): the header row is kept beside the mapping, and the
-- byte offset after the last committed record lets a job read on from there, not from the start.
-- Written by hand, matching prisma/schema.prisma.

-- AlterTable
ALTER TABLE "Import" ADD COLUMN "header" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "cursorByte" BIGINT NOT NULL DEFAULT 0;
