// The public shape of a user, in one place. Never includes credentials.
import type { User as UserRow } from "@/lib/generated/prisma/client";
import type { User, UserSummary } from "@/lib/schemas/users";

export function serializeUserSummary(row: Pick<UserRow, "id" | "email" | "name">): UserSummary {
  return { id: row.id, email: row.email, name: row.name };
}

export function serializeUser(row: UserRow): User {
  return { ...serializeUserSummary(row), createdAt: row.createdAt.toISOString() };
}
