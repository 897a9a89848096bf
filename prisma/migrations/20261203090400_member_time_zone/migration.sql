-- A member's own time zone for reading times in the admin app (an IANA name, checked by the API).
-- NULL follows the workspace's zone. Days of reports and filters stay the workspace's either way.
ALTER TABLE "Membership" ADD COLUMN "timeZone" TEXT;
