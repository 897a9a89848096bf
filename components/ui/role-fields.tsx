// The role picker and, for non-admins, the consent-history switch: members and API clients are given
// access the same way (docs/api.md, Roles and permissions).
import { Select, Switch } from "@mantine/core";
import type { Role } from "@/lib/schemas/members";
import { isRole, ROLE_HINT, ROLE_OPTIONS } from "./role-badge";

export function RoleFields({
  role,
  onRoleChange,
  consentHistory,
  onConsentHistoryChange,
  roleError,
}: {
  role: Role;
  onRoleChange: (role: Role) => void;
  consentHistory: boolean;
  onConsentHistoryChange: (allowed: boolean) => void;
  roleError?: string;
}) {
  return (
    <>
      <Select
        label="Role"
        description={ROLE_HINT[role]}
        data={ROLE_OPTIONS}
        value={role}
        allowDeselect={false}
        onChange={(value) => isRole(value) && onRoleChange(value)}
        error={roleError}
      />
      {/* Admins always may read the history, so the switch would only mislead. */}
      {role === "admin" ? null : (
        <Switch
          label="May read the consent history"
          description="For the data-protection officer: who changed which consent, when. Admins always may."
          checked={consentHistory}
          onChange={(event) => onConsentHistoryChange(event.currentTarget.checked)}
        />
      )}
    </>
  );
}
