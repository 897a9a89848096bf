// <ConsentPanel ws customerId /> — every consent purpose and channel of one customer with its consent,
// limitation and objection flags, when each last changed (for those who may read the registry), and, for
// members who may write, an editor that records the changes with an evidence note.
import { Alert, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconLock, IconPencil } from "@tabler/icons-react";
import { useId, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { ROLE_LABEL } from "@/components/ui/role-badge";
import { usePermissions } from "@/lib/client/use-permissions";
import { CONSENT_FLAGS, CONSENT_GROUPS, CONSENT_KEY_LABELS, FLAG_DESCRIPTIONS, FLAG_LABELS } from "./consent-catalogue";
import { ConsentDisclaimerRow } from "./consent-disclaimer-row";
import {
  buildConsentPatch,
  countDraftChanges,
  disclaimerChanges,
  leafAt,
  setDraftFlag,
  type ConsentDraft,
  type DisclaimerDraft,
} from "./consent-display";
import { ConsentEditBar } from "./consent-edit-bar";
import { ConsentFlagBadge, ConsentFlagSwitch } from "./consent-flag";
import { ConsentLastChange } from "./consent-last-change";
import { isForbidden, useConsents, useLatestConsentChanges, useSaveConsents } from "./use-consents";

/** The source every change made here is recorded with (docs/api.md: `_meta.source`). */
const ADMIN_UI_SOURCE = "admin-ui";

export interface ConsentPanelProps {
  /** Workspace id. */
  ws: string;
  customerId: string;
}

export function ConsentPanel({ ws, customerId }: ConsentPanelProps) {
  const { canWrite, canReadConsentHistory, role } = usePermissions();
  const titleId = useId();
  const consents = useConsents(ws, customerId);
  const history = useLatestConsentChanges(ws, customerId, canReadConsentHistory);
  const save = useSaveConsents(ws, customerId);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ConsentDraft>({});
  const [disclaimerDraft, setDisclaimerDraft] = useState<DisclaimerDraft>({});
  const [evidence, setEvidence] = useState("");

  // The "last change" column needs the registry; a 403 (permission revoked meanwhile) simply hides it.
  const latest = canReadConsentHistory && !isForbidden(history.error) ? (history.data ?? new Map()) : undefined;
  const columns = latest ? 5 : 4;
  const state = consents.data;
  const pendingDisclaimer = disclaimerChanges(state?.disclaimer, disclaimerDraft);
  const changes = countDraftChanges(draft) + (pendingDisclaimer ? Object.keys(pendingDisclaimer).length : 0);

  const stopEditing = () => {
    setEditing(false);
    setDraft({});
    setDisclaimerDraft({});
    setEvidence("");
  };

  const submit = () => {
    const body = buildConsentPatch(draft, pendingDisclaimer, { source: ADMIN_UI_SOURCE, evidence });
    if (!body) return stopEditing();
    save.mutate(body, {
      onSuccess: () => {
        notifySuccess(
          changes === 1
            ? "The change is recorded in the consent registry."
            : "The changes are recorded in the consent registry.",
          "Consents saved",
        );
        stopEditing();
      },
      onError: (error) => notifyError(error, "The consents could not be saved"),
    });
  };

  let content;
  if (consents.isPending) {
    content = <Skeleton height={320} radius="md" aria-label="Loading consents" />;
  } else if (consents.isError) {
    content = (
      <ErrorAlert
        title="The consents could not be loaded"
        error={consents.error}
        onRetry={consents.refetch}
        retrying={consents.isFetching}
      />
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">Purpose and channel</Table.Th>
              {CONSENT_FLAGS.map((flag) => (
                <Table.Th key={flag} title={FLAG_DESCRIPTIONS[flag]}>
                  {FLAG_LABELS[flag]}
                </Table.Th>
              ))}
              {latest ? <Table.Th w="24%">Last change</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          {CONSENT_GROUPS.map((group) => (
            <Table.Tbody key={group.id}>
              <Table.Tr>
                <Table.Th colSpan={columns} scope="colgroup" bg="var(--atrium-surface-page)">
                  <Text size="sm" fw={600}>
                    {group.title}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {group.description}
                  </Text>
                </Table.Th>
              </Table.Tr>
              {group.keys.map((key) => {
                const leaf = leafAt(state, key);
                const label = CONSENT_KEY_LABELS[key];
                return (
                  <Table.Tr key={key}>
                    <Table.Td>
                      <Text size="sm">{label}</Text>
                    </Table.Td>
                    {CONSENT_FLAGS.map((flag) => (
                      <Table.Td key={flag}>
                        {editing ? (
                          <ConsentFlagSwitch
                            flag={flag}
                            value={leaf?.[flag]}
                            pending={draft[key]?.[flag]}
                            keyLabel={`${group.title}: ${label}`}
                            onChange={(value) => setDraft((current) => setDraftFlag(current, state, key, flag, value))}
                            disabled={save.isPending}
                          />
                        ) : (
                          <ConsentFlagBadge flag={flag} value={leaf?.[flag]} keyLabel={`${group.title}: ${label}`} />
                        )}
                      </Table.Td>
                    ))}
                    {latest ? (
                      <Table.Td>
                        <ConsentLastChange entry={latest.get(key)} />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          ))}
          <ConsentDisclaimerRow
            saved={state?.disclaimer}
            editing={editing}
            draft={disclaimerDraft}
            onDraftChange={setDisclaimerDraft}
            latest={latest}
            columns={columns}
          />
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} fz="lg" id={titleId}>
              Consents
            </Title>
            <Text size="sm" c="dimmed">
              What this person agreed to, per purpose and channel. “Not set” means nobody ever recorded a choice.
            </Text>
          </Stack>
          {canWrite && !editing && consents.isSuccess ? (
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit consents
            </Button>
          ) : null}
        </Group>
        {!canWrite && consents.isSuccess ? (
          // Without this a read-only member only sees that the edit button is missing, not why.
          <Alert variant="light" color="gray" icon={<IconLock size={18} />} py="xs">
            You can read these consents but not change them: recording a change takes the User or Admin role
            {role ? ` (yours is ${ROLE_LABEL[role]})` : ""}. Ask an admin if you need to.
          </Alert>
        ) : null}
        {content}
        {!latest && consents.isSuccess ? (
          <Text size="xs" c="dimmed">
            When and where each consent last changed is visible to members with the consent-history permission.
          </Text>
        ) : null}
        {editing ? (
          <ConsentEditBar
            changes={changes}
            evidence={evidence}
            onEvidenceChange={setEvidence}
            onCancel={stopEditing}
            onSave={submit}
            saving={save.isPending}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
