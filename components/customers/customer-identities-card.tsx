// The identities that link data to this person (e-mail, phones, external and anonymous ids…), where each
// came from and when it was first seen. People who may write customers attach and detach identities;
// attaching one that belongs to another customer is refused (409) — that is what merging is for.
import {
  ActionIcon,
  Autocomplete,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconPlus, IconUnlink } from "@tabler/icons-react";
import { useState } from "react";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import type { Customer, CustomerIdentity } from "@/lib/schemas/customers";
import { IDENTITY_TYPES } from "@/lib/schemas/identity-rules";
import { formatTimestamp } from "./customer-columns";
import { useAddIdentity, useRemoveIdentity } from "./use-customer";

const TYPE_LABELS: Record<string, string> = {
  externalId: "External id",
  email: "E-mail",
  mobilePhone: "Mobile phone",
  phone: "Phone",
  anonymousId: "Anonymous id",
  deviceId: "Device id",
};

export function identityTypeLabel(type: string): string {
  if (type.startsWith("custom:")) return `${type.slice("custom:".length)} (custom)`;
  return TYPE_LABELS[type] ?? type;
}

export interface CustomerIdentitiesCardProps {
  ws: string;
  customer: Customer;
  canWrite: boolean;
  /** Attaching types a personal value in clear: not for a member who sees personal data masked. */
  canAttach?: boolean;
  sourceName: (id: string | null) => string;
}

function AddIdentityForm({ ws, customer }: { ws: string; customer: Customer }) {
  const add = useAddIdentity(ws, customer.id);
  const [type, setType] = useState("email");
  const [value, setValue] = useState("");
  const submit = () =>
    add.mutate(
      { type: type.trim(), value: value.trim() },
      {
        onSuccess: (identity) => {
          setValue("");
          notifySuccess(`Attached ${identityTypeLabel(identity.type)} ${identity.value}.`);
        },
      },
    );
  const otherError = formError(add.error, ["type", "value"]);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (type.trim() && value.trim()) submit();
      }}
    >
      <Stack gap={4}>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <Autocomplete
            aria-label="Identity type"
            data={IDENTITY_TYPES.map((item) => ({ value: item, label: identityTypeLabel(item) }))}
            value={type}
            onChange={setType}
            placeholder="Type (or custom:name)"
            error={fieldError(add.error, "type")}
            w={200}
          />
          <TextInput
            aria-label="Identity value"
            placeholder="Value"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={fieldError(add.error, "value")}
            maxLength={512}
            style={{ flex: "1 1 220px" }}
          />
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} />}
            loading={add.isPending}
            disabled={!type.trim() || !value.trim()}
          >
            Attach
          </Button>
        </Group>
        {otherError ? (
          <Text size="sm" c="red" role="alert">
            {otherError}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

export function CustomerIdentitiesCard({
  ws,
  customer,
  canWrite,
  canAttach = canWrite,
  sourceName,
}: CustomerIdentitiesCardProps) {
  const remove = useRemoveIdentity(ws, customer.id);
  const [detaching, setDetaching] = useState<CustomerIdentity | null>(null);
  const confirmDetach = () => {
    if (!detaching) return;
    remove.mutate(detaching.id, {
      onSuccess: () => {
        notifySuccess(`Detached ${identityTypeLabel(detaching.type)} ${detaching.value}.`);
        setDetaching(null);
      },
      onError: (error) => notifyError(error, "The identity was not detached"),
    });
  };
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            Identities
          </Title>
          <Text size="sm" c="dimmed">
            Every identity that links data from your sources to this person.
          </Text>
        </Stack>
        {customer.identities.length === 0 ? (
          <Text size="sm" c="dimmed">
            No identities yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" aria-label="Identities">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Value</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>First seen</Table.Th>
                  {canWrite ? <Table.Th w={40} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customer.identities.map((identity) => (
                  <Table.Tr key={identity.id}>
                    <Table.Td>{identityTypeLabel(identity.type)}</Table.Td>
                    <Table.Td style={{ wordBreak: "break-all" }}>{identity.value}</Table.Td>
                    <Table.Td>{sourceName(identity.sourceId)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatTimestamp(identity.firstSeenAt)}</Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        <Tooltip label="Detach">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => setDetaching(identity)}
                            aria-label={`Detach ${identity.type} ${identity.value}`}
                          >
                            <IconUnlink size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canAttach ? (
          <AddIdentityForm ws={ws} customer={customer} />
        ) : canWrite ? (
          <Text size="sm" c="dimmed">
            You see personal data masked, so you cannot attach identities.
          </Text>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={detaching !== null}
        onClose={() => setDetaching(null)}
        onConfirm={confirmDetach}
        title="Detach identity"
        confirmLabel="Detach"
        loading={remove.isPending}
      >
        Detach {detaching ? `${identityTypeLabel(detaching.type)} “${detaching.value}”` : "this identity"} from this
        customer? Data that arrives with it later will no longer be linked to them.
      </ConfirmModal>
    </Paper>
  );
}
