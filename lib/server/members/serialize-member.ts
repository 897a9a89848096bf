// The public shape of a workspace member, in one place.
import type { Membership, User } from "@/lib/generated/prisma/client";
import type { Member } from "@/lib/schemas/members";
import { serializeUserSummary } from "@/lib/server/users/serialize-user";
import { masksPersonalData } from "@/lib/server/core/principal";
import { toApiRole } from "./roles";

export type MembershipWithUser = Membership & { user: Pick<User, "id" | "email" | "name"> };

/** The `include` that loads what serializeMember needs. */
export const MEMBER_INCLUDE = { user: { select: { id: true, email: true, name: true } } } as const;

export function serializeMember(row: MembershipWithUser): Member {
  return {
    user: serializeUserSummary(row.user),
    role: toApiRole(row.role),
    consentHistory: row.consentHistory,
    maskPersonalData: row.maskPersonalData,
    personalDataMasked: masksPersonalData(row.role, row.maskPersonalData),
    createdAt: row.createdAt.toISOString(),
  };
}
