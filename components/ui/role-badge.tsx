// A member's or API client's role, in the same colour everywhere it is shown.
import { Badge, type BadgeProps } from "@mantine/core";
import type { Role } from "@/lib/schemas/members";

export const ROLE_LABEL: Record<Role, string> = { admin: "Admin", user: "User", guest: "Guest" };
const ROLE_COLOR: Record<Role, string> = { admin: "indigo", user: "teal", guest: "gray" };

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "admin", label: "Admin" },
  { value: "user", label: "User" },
  { value: "guest", label: "Guest" },
];

/** One line on what a role may do (docs/api.md, Roles and permissions), shown under role pickers. */
export const ROLE_HINT: Record<Role, string> = {
  admin: "Everything, including settings, members, sources and API clients.",
  user: "Reads and writes customers, events and consents; manages views.",
  guest: "Reads customers, events, views and reports; changes nothing.",
};

export function isRole(value: string | null): value is Role {
  return value === "admin" || value === "user" || value === "guest";
}

export function RoleBadge({ role, size = "sm", ...props }: { role: Role } & Omit<BadgeProps, "color" | "children">) {
  return (
    <Badge variant="light" color={ROLE_COLOR[role]} size={size} radius="sm" {...props}>
      {ROLE_LABEL[role]}
    </Badge>
  );
}
