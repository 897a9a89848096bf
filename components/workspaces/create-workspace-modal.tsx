// "Create workspace": name, time zone and currency (the slug is derived by the server). The creator
// becomes its admin and is taken straight into it.
import { Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { useCreateWorkspace } from "./use-workspace-mutations";
import { browserTimeZone, currencyOptions, timeZoneOptions } from "./zone-options";

const FIELDS = ["name", "timezone", "currency"] as const;

export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [timezone, setTimezone] = useState<string | null>(browserTimeZone);
  const [currency, setCurrency] = useState<string | null>("EUR");
  const create = useCreateWorkspace();
  const zones = useMemo(() => timeZoneOptions(), []);
  const currencies = useMemo(() => currencyOptions(), []);

  const close = onClose;
  // Reset once the modal is gone, so its exit animation does not show the form emptied.
  const reset = () => {
    setName("");
    create.reset();
  };

  const submit = () => {
    create.mutate(
      { name, timezone: timezone ?? undefined, currency: currency ?? undefined },
      {
        onSuccess: (workspace) => {
          notifySuccess(`You are the admin of ${workspace.name}.`, "Workspace created");
          close();
        },
      },
    );
  };

  const general = formError(create.error, FIELDS);
  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={reset}
      title={<Text fw={650}>Create workspace</Text>}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A workspace keeps one brand&apos;s or country&apos;s customers apart from everything else. You become its
            admin.
          </Text>
          <TextInput
            label="Name"
            placeholder="e.g. Northwind Retail"
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(create.error, "name")}
          />
          <Select
            label="Time zone"
            description="Reports count days in this zone."
            data={zones}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No such time zone"
            value={timezone}
            onChange={setTimezone}
            error={fieldError(create.error, "timezone")}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Currency"
            data={currencies}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No such currency"
            value={currency}
            onChange={setCurrency}
            error={fieldError(create.error, "currency")}
          />
          <FormActions
            error={general}
            pending={create.isPending}
            onCancel={close}
            submitLabel="Create workspace"
            submitDisabled={!name.trim() && "Name the workspace first"}
          />
        </Stack>
      </form>
    </Modal>
  );
}
