// Roles are lower-case in the API and upper-case in the database enum; these are the only conversions.
import type { Role as DbRole } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/schemas/members";

const TO_DB: Record<Role, DbRole> = { admin: "ADMIN", user: "USER", guest: "GUEST" };
const FROM_DB: Record<DbRole, Role> = { ADMIN: "admin", USER: "user", GUEST: "guest" };

export function toDbRole(role: Role): DbRole {
  return TO_DB[role];
}

export function toApiRole(role: DbRole): Role {
  return FROM_DB[role];
}
