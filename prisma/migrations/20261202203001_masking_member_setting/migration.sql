-- Masking by role: whether a member (or an API client) sees personal data masked. NULL follows the role's
-- default (masked for guests, clear for users and admins), true or false is an admin's explicit choice.
ALTER TABLE "Membership" ADD COLUMN "maskPersonalData" BOOLEAN;
ALTER TABLE "ApiClient" ADD COLUMN "maskPersonalData" BOOLEAN;
