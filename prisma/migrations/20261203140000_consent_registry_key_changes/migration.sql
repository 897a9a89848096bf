-- The registry's changes of one key after an instant, across the workspace's customers: what a consent
-- composition at the end of a past day reads to correct today's composition (reports/consent-as-of.ts),
-- so that it costs the changes since that day rather than the whole base's history.
CREATE INDEX "ConsentRecord_workspaceId_key_changedAt_idx" ON "ConsentRecord"("workspaceId", "key", "changedAt");
