// Users: people who sign in to the UI. Installation-wide; their access comes from workspace memberships.
import { z } from "zod";
import { ZId, ZTimestamp } from "./common";

/** E-mail addresses are compared and stored trimmed and lower-cased. */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Must be at most 254 characters")
  .pipe(z.email("Must be an e-mail address"))
  .meta({ description: "E-mail address (stored lower-cased)", examples: ["jane@example.com"] });

export const ZPassword = z
  .string()
  .min(10, "Must be at least 10 characters")
  // The password is hashed with a memory-hard function: an upper bound keeps hashing cheap to refuse.
  .max(256, "Must be at most 256 characters");

export const ZUserCreate = z
  .object({
    email: ZEmail,
    password: ZPassword,
    name: z.string().trim().min(1, "Must not be empty").max(100, "Must be at most 100 characters").optional(),
  })
  .meta({ id: "UserCreate" });

/** A user as shown next to their memberships (no credentials, ever). */
export const ZUserSummary = z.object({ id: ZId, email: z.string(), name: z.string().nullable() });

export const ZUser = ZUserSummary.extend({ createdAt: ZTimestamp }).meta({ id: "User" });

export type UserCreate = z.infer<typeof ZUserCreate>;
export type UserSummary = z.infer<typeof ZUserSummary>;
export type User = z.infer<typeof ZUser>;
