-- ?email= under the NO_CHECK policy also finds customers by their profile's e-mail (several may share one
-- address and only the first owns the identity): an index so that lookup stays a lookup.
CREATE INDEX "Customer_workspace_email_idx" ON "Customer" ("workspaceId", lower(btrim("base"->'contacts'->>'email')));
