-- Tracking API: what to do with track event names that have no standard type ("generic" or "reject").
ALTER TABLE "Workspace" ADD COLUMN "unmappedTrackEvents" TEXT NOT NULL DEFAULT 'generic';
