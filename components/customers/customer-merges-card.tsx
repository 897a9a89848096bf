// The merges this profile took part in, newest first, and — for admins — undoing one: the absorbed
// customer comes back as it was, with its identities, events and consents (POST …/unmerge).
import { Alert, Anchor, Badge, Button, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { notifyError } from "@/components/ui/notify";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import type { Customer, Merge } from "@/lib/schemas/customers";
import { formatTimestamp } from "./customer-columns";
import { customerName } from "./customer-display";
import { absorbedLabel, matchedIdentities, rememberCustomerNames } from "./merge-names";
import { useCustomerMerges, useUnmerge } from "./use-customer";

export interface CustomerMergesCardProps {
  ws: string;
  customer: Customer;
  canAdmin: boolean;
  /** After a merge was undone (the page may stop saying that another profile was merged into this one). */
  onUndone?: () => void;
}

function how(merge: Merge): string {
  if (merge.kind === "MANUAL") return "Merged by hand";
  const matched = matchedIdentities(merge.reason);
  return matched.length > 0 ? `Automatically, matching ${matched.join(", ")}` : "Automatically";
}

export function CustomerMergesCard({ ws, customer, canAdmin, onUndone }: CustomerMergesCardProps) {
  const toScreen = useWorkspacePath();
  const merges = useCustomerMerges(ws, customer.id);
  const unmerge = useUnmerge(ws, customer.id);
  const [undoing, setUndoing] = useState<Merge | null>(null);
  const [restored, setRestored] = useState<Customer | null>(null);
  const name = customerName(customer);

  const confirmUndo = () => {
    if (!undoing) return;
    unmerge.mutate(undoing.id, {
      onSuccess: (result) => {
        rememberCustomerNames(ws, [result.restored]);
        setRestored(result.restored);
        setUndoing(null);
        onUndone?.();
      },
      onError: (error) => notifyError(error, "The merge was not undone"),
    });
  };

  const rows = merges.data?.data ?? [];
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            Merge history
          </Title>
          <Text size="sm" c="dimmed">
            Profiles that were found to be the same person and merged into this one. A merge can be undone.
          </Text>
        </Stack>
        {restored ? (
          <Alert color="teal" variant="light" withCloseButton onClose={() => setRestored(null)} title="Merge undone">
            {customerName(restored)} is a separate customer again.{" "}
            <Anchor component={Link} to={toScreen(`/customers/${restored.id}`)}>
              Open the restored profile
            </Anchor>
          </Alert>
        ) : null}
        {merges.isPending ? <Skeleton height={60} /> : null}
        {merges.error ? (
          <ErrorAlert
            title="The merges could not be loaded"
            error={merges.error}
            onRetry={merges.refetch}
            retrying={merges.isFetching}
          />
        ) : null}
        {merges.isSuccess && rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            This profile has never been merged.
          </Text>
        ) : null}
        {rows.length > 0 ? (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label="Merges">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>How</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((merge) => {
                  const absorbed = absorbedLabel(ws, merge);
                  const intoThis = merge.survivorId === customer.id;
                  return (
                    <Table.Tr key={merge.id}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatTimestamp(merge.createdAt)}</Table.Td>
                      <Table.Td>
                        {intoThis ? (
                          merge.undoneAt ? (
                            <Anchor component={Link} to={toScreen(`/customers/${merge.absorbedId}`)} size="sm">
                              {absorbed}
                            </Anchor>
                          ) : (
                            <Text size="sm">{absorbed} merged into this profile</Text>
                          )
                        ) : (
                          <Text size="sm">
                            This profile was merged into{" "}
                            <Anchor component={Link} to={toScreen(`/customers/${merge.survivorId}`)}>
                              another customer
                            </Anchor>
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {how(merge)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {merge.undoneAt ? (
                          <Badge variant="light" color="gray" title={formatTimestamp(merge.undoneAt)}>
                            Undone
                          </Badge>
                        ) : canAdmin && intoThis ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="orange"
                            leftSection={<IconArrowBackUp size={14} />}
                            onClick={() => setUndoing(merge)}
                          >
                            Undo
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={undoing !== null}
        onClose={() => setUndoing(null)}
        onConfirm={confirmUndo}
        title="Undo merge"
        confirmLabel="Undo merge"
        loading={unmerge.isPending}
      >
        Undo the merge of <strong>{undoing ? absorbedLabel(ws, undoing) : ""}</strong> into <strong>{name}</strong>? The
        absorbed customer is restored as a separate profile with its own identities, events and consents, and {name}{" "}
        keeps what was theirs.
      </ConfirmModal>
    </Paper>
  );
}
