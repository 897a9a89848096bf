// Which value survives a manual merge, field by field: the units a user may choose among the merged
// profiles. Each top-level base field is one unit (an address is chosen whole: its street, zip and city
// belong together), contacts are chosen per contact field, extended properties per property.
import { z } from "zod";
import { ZContacts, ZCustomerBase } from "./customer-base";
import { ZId } from "./common";
import { EXTENDED_PROPERTY_NAME } from "./extended-schema";

/** `base.<field>` units, in the order of the base structure; contacts are split into their fields. */
export const MERGE_BASE_UNITS: readonly string[] = Object.keys(ZCustomerBase.shape).flatMap((key) =>
  key === "contacts" ? Object.keys(ZContacts.shape).map((contact) => `base.contacts.${contact}`) : [`base.${key}`],
);

/** A path a merge choice may name: externalId, a base unit or `extended.<property>`. */
export function isMergeChoicePath(path: string): boolean {
  if (path === "externalId" || MERGE_BASE_UNITS.includes(path)) return true;
  return path.startsWith("extended.") && EXTENDED_PROPERTY_NAME.test(path.slice("extended.".length));
}

export const MERGE_CHOICES_MAX = 100;

export const ZMergeChoices = z
  .record(
    z.string(),
    ZId.meta({ description: "The customer whose value survives: the survivor or one of customerIds" }),
  )
  .superRefine((choices, ctx) => {
    const paths = Object.keys(choices);
    if (paths.length > MERGE_CHOICES_MAX)
      ctx.addIssue({ code: "custom", message: `At most ${MERGE_CHOICES_MAX} choices`, path: [] });
    for (const path of paths)
      if (!isMergeChoicePath(path))
        ctx.addIssue({
          code: "custom",
          path: [path],
          message:
            "Not a field that can be chosen: externalId, base.<field> (base.address whole), base.contacts.<field> or extended.<property>",
        });
  })
  .meta({
    id: "MergeChoices",
    description:
      "Field path → the customer whose value survives whole (an empty value removes the field). Fields not named follow the merge policies",
    example: { "base.address": "0d7c2f3e-8b1a-4c7e-9f1e-2b3c4d5e6f70" },
  });

export type MergeChoices = z.infer<typeof ZMergeChoices>;
