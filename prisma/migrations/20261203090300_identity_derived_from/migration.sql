-- Identities follow the profile: an identity read from a profile field (base.contacts.email, externalId, ...)
-- records that field, and is replaced when the field changes and removed when it is emptied. Identities
-- attached through POST .../identities, or carried by a write without being a profile field (anonymousId),
-- keep NULL and are never touched by profile edits.
ALTER TABLE "Identity" ADD COLUMN "derivedFrom" TEXT;

-- Existing rows: an identity whose value is what its customer's profile holds in that field counts as read
-- from it (an identity attached by hand with the same value cannot be told apart and is treated the same).
-- The comparison is looser than normalize.ts (case, digits of phones), which only errs towards marking.
-- Anything else (stale values, identities moved by merges, hand-attached ones) stays NULL, as before.
UPDATE "Identity" i
   SET "derivedFrom" = CASE i.type
         WHEN 'externalId' THEN 'externalId'
         WHEN 'email' THEN 'base.contacts.email'
         WHEN 'mobilePhone' THEN 'base.contacts.mobilePhone'
         WHEN 'phone' THEN 'base.contacts.phone'
         WHEN 'deviceId' THEN 'base.contacts.mobileDevices'
       END
  FROM "Customer" c
 WHERE c."workspaceId" = i."workspaceId" AND c.id = i."customerId"
   AND CASE i.type
         WHEN 'externalId' THEN btrim(c."externalId") = i.value
         WHEN 'email' THEN lower(btrim(c."base"->'contacts'->>'email')) = lower(i.value)
         WHEN 'mobilePhone' THEN regexp_replace(c."base"->'contacts'->>'mobilePhone', '^\s*(\+|00)|[^0-9]', '', 'g')
                                 = regexp_replace(i.value, '[^0-9]', '', 'g')
         WHEN 'phone' THEN regexp_replace(c."base"->'contacts'->>'phone', '^\s*(\+|00)|[^0-9]', '', 'g')
                           = regexp_replace(i.value, '[^0-9]', '', 'g')
         WHEN 'deviceId' THEN EXISTS (
           SELECT 1 FROM jsonb_array_elements(
                    CASE WHEN jsonb_typeof(c."base"->'contacts'->'mobileDevices') = 'array'
                         THEN c."base"->'contacts'->'mobileDevices' ELSE '[]'::jsonb END) d
            WHERE btrim(d->>'identifier') = i.value)
         ELSE false
       END;
