// Adding an existing user (found by e-mail) to a workspace with a role.
import type { Member, MemberAdd } from "@/lib/schemas/members";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/core/errors";
import { normalizeEmail } from "@/lib/server/users/normalize-email";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { toDbRole } from "./roles";
import { MEMBER_INCLUDE, serializeMember } from "./serialize-member";

export interface AddMemberInput {
  workspaceId: string;
  input: MemberAdd;
  actor?: Actor;
}

export async function addMember({ workspaceId, input, actor = SYSTEM_ACTOR }: AddMemberInput): Promise<Member> {
  const email = normalizeEmail(input.email);
  try {
    return await db().$transaction(async (tx) => {
      await lockWorkspace(tx, workspaceId, "share");
      const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (!user) throw new AppError("not_found", `No user with the e-mail ${email}; create the user first`);
      const row = await tx.membership.create({
        data: {
          workspaceId,
          userId: user.id,
          role: toDbRole(input.role),
          consentHistory: input.consentHistory ?? false,
          maskPersonalData: input.maskPersonalData ?? null,
        },
        include: MEMBER_INCLUDE,
      });
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "member.added",
        targetType: "user",
        targetId: user.id,
        details: {
          email,
          role: input.role,
          consentHistory: row.consentHistory,
          maskPersonalData: row.maskPersonalData,
        },
      });
      return serializeMember(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `${email} is already a member of this workspace`);
    throw error;
  }
}
