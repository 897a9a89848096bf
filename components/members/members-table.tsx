// The members table: role, consent-history permission and masking of personal data change in place
// (masking follows the role until an admin sets it: guests masked, users and admins not); removing asks first. The
// server refuses to demote or remove the last admin (409), which is shown as a notification.
import { Badge, Group, Select, Switch, Table, Text, Tooltip } from "@mantine/core";
import { IconUserMinus } from "@tabler/icons-react";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { formatDate } from "@/components/ui/format-date";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { isRole, ROLE_LABEL, ROLE_OPTIONS } from "@/components/ui/role-badge";
import { useDialogTarget } from "@/components/ui/use-dialog-target";
import { DangerRowAction, SettingsTable } from "@/components/ui/settings-table";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { useSignedIn } from "@/lib/client/use-me";
import type { Member, MemberUpdate } from "@/lib/schemas/members";
import { useRemoveMember, useUpdateMember } from "./use-members";

const displayName = (member: Member) => member.user.name ?? member.user.email;

export function MembersTable({ members }: { members: Member[] }) {
  const { workspace } = useCurrentWorkspace();
  const selfId = useSignedIn().user?.id ?? null;
  const update = useUpdateMember(workspace.id, selfId);
  const remove = useRemoveMember(workspace.id, selfId);
  const removal = useDialogTarget<Member>();
  const removing = removal.target;
  // Which row is saving, so only its controls show it.
  const busyId = update.isPending ? update.variables?.userId : undefined;

  const change = (member: Member, body: MemberUpdate, done: string) =>
    update.mutate(
      { userId: member.user.id, ...body },
      {
        onSuccess: () => notifySuccess(done),
        onError: (error) => notifyError(error, `${displayName(member)} was not changed`),
      },
    );

  return (
    <>
      <SettingsTable
        minWidth={720}
        head={
          <>
            <Table.Th>Member</Table.Th>
            <Table.Th w={140}>Role</Table.Th>
            <Table.Th w={140}>Consent history</Table.Th>
            <Table.Th w={150}>Personal data masked</Table.Th>
            <Table.Th w={130}>Added</Table.Th>
          </>
        }
      >
        {members.map((member) => {
          const busy = busyId === member.user.id;
          const isAdmin = member.role === "admin";
          return (
            <Table.Tr key={member.user.id}>
              <Table.Td>
                {/* Name and address in one cell: the table must fit beside the settings navigation. */}
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500} truncate="end">
                    {member.user.name ?? member.user.email}
                  </Text>
                  {member.user.id === selfId ? (
                    <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                      You
                    </Badge>
                  ) : null}
                </Group>
                {member.user.name ? (
                  <Text size="xs" c="dimmed" truncate="end">
                    {member.user.email}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Role of ${displayName(member)}`}
                  data={ROLE_OPTIONS}
                  value={member.role}
                  allowDeselect={false}
                  disabled={busy}
                  size="xs"
                  w={120}
                  onChange={(value) => {
                    if (isRole(value) && value !== member.role) {
                      change(member, { role: value }, `${displayName(member)}'s role is now ${ROLE_LABEL[value]}.`);
                    }
                  }}
                />
              </Table.Td>
              <Table.Td>
                <Tooltip label="Admins can always read the consent history" disabled={!isAdmin} withArrow>
                  <div style={{ display: "inline-block" }}>
                    <Switch
                      aria-label={`${displayName(member)} may read the consent history`}
                      checked={isAdmin || member.consentHistory}
                      disabled={isAdmin || busy}
                      onChange={(event) => {
                        const allowed = event.currentTarget.checked;
                        change(
                          member,
                          { consentHistory: allowed },
                          allowed
                            ? `${displayName(member)} may now read the consent history.`
                            : `${displayName(member)} may no longer read the consent history.`,
                        );
                      }}
                    />
                  </div>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Tooltip label={member.maskPersonalData === null ? "The role's default" : "Set by an admin"} withArrow>
                  <div style={{ display: "inline-block" }}>
                    <Switch
                      aria-label={`${displayName(member)} sees personal data masked`}
                      checked={member.personalDataMasked}
                      disabled={busy}
                      onChange={(event) => {
                        const maskPersonalData = event.currentTarget.checked;
                        change(
                          member,
                          { maskPersonalData },
                          maskPersonalData
                            ? `${displayName(member)} now sees personal data masked.`
                            : `${displayName(member)} now sees personal data in clear.`,
                        );
                      }}
                    />
                  </div>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {formatDate(member.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DangerRowAction
                  tooltip="Remove from workspace"
                  label={`Remove ${displayName(member)}`}
                  icon={<IconUserMinus size={18} stroke={1.6} />}
                  onClick={() => removal.open(member)}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </SettingsTable>
      <ConfirmModal
        opened={removal.opened}
        onClose={removal.close}
        title={removing ? `Remove ${displayName(removing)}?` : "Remove member?"}
        confirmLabel="Remove member"
        loading={remove.isPending}
        onConfirm={() => {
          if (!removing) return;
          const member = removing;
          remove.mutate(member.user.id, {
            onSuccess: () =>
              notifySuccess(`${displayName(member)} no longer has access to ${workspace.name}.`, "Member removed"),
            onError: (error) => notifyError(error, `${displayName(member)} was not removed`),
            onSettled: removal.close,
          });
        }}
      >
        {removing ? (
          <>
            <strong>{removing.user.email}</strong> loses access to {workspace.name} at once. Their account stays, and an
            admin can add them again later.
          </>
        ) : null}
      </ConfirmModal>
    </>
  );
}
