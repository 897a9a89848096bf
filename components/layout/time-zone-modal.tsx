// "Your time zone": the member's own zone for reading times in this workspace (PATCH …/membership), or
// the workspace's. Days of filters and reports stay the workspace's, which the modal says.
import { Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { browserTimeZone, zoneAbbreviation } from "@/components/ui/clock";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { timeZoneOptions } from "@/components/workspaces/zone-options";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { Membership } from "@/lib/client/use-me";
import { updateOwnMembershipEndpoint } from "@/lib/schemas/me";

/** The Select's value for "follow the workspace" (no IANA zone is spelled like this). */
const WORKSPACE = "workspace";

export function TimeZoneModal({
  membership,
  opened,
  onClose,
}: {
  membership: Membership;
  opened: boolean;
  onClose: () => void;
}) {
  const workspaceZone = membership.workspace.timezone;
  const [choice, setChoice] = useState<string | null>(membership.timeZone ?? WORKSPACE);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (timeZone: string | null) =>
      callEndpoint(updateOwnMembershipEndpoint, { params: { ws: membership.workspace.id }, body: { timeZone } }),
    onSuccess: async () => {
      // The workspace scope reads the zone from /me and remounts the screens with it.
      await queryClient.invalidateQueries({ queryKey: queryKeys.me() });
    },
  });
  const browser = browserTimeZone();
  const options = useMemo(
    () => [
      { value: WORKSPACE, label: `The workspace's: ${workspaceZone} (${zoneAbbreviation(new Date(), workspaceZone)})` },
      ...timeZoneOptions([browser, membership.timeZone ?? ""]).filter((option) => option.value !== WORKSPACE),
    ],
    [workspaceZone, browser, membership.timeZone],
  );

  const submit = () => {
    const timeZone = !choice || choice === WORKSPACE ? null : choice;
    save.mutate(timeZone, {
      onSuccess: () => {
        notifySuccess(`Times now show in ${timeZone ?? workspaceZone}.`, "Time zone saved");
        onClose();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => save.reset()}
      title={<Text fw={650}>Your time zone</Text>}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Select
            label="Show times in"
            description={`Only for you, in ${membership.workspace.name}. Reports and date filters keep counting the workspace's days (${workspaceZone}).`}
            data={options}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No such time zone"
            value={choice}
            onChange={setChoice}
            error={fieldError(save.error, "timeZone")}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          {browser !== (choice === WORKSPACE ? workspaceZone : choice) ? (
            <Text size="xs" c="dimmed">
              This browser is in {browser}.
            </Text>
          ) : null}
          <FormActions
            error={formError(save.error, ["timeZone"])}
            pending={save.isPending}
            onCancel={onClose}
            submitLabel="Save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
