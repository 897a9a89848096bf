// Creating or editing an automation: name, trigger (event type, which customers, an optional filter in
// the filter language as JSON), delay, and the actions as JSON (the API's own shapes, see docs/api.md).
// A campaign picker adds a sendEmail action (a campaign as the triggered e-mail) without typing its id.
import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { Automation, AutomationCreate } from "@/lib/schemas/automations";
import { useCampaigns } from "@/components/send/use-campaigns";
import { useAutomationMutations } from "./use-automations";

const FIELDS = ["name", "trigger", "delayMinutes", "actions"] as const;
const EXAMPLE_ACTIONS = '[{ "type": "addTag", "tag": "engaged" }]';

/** The actions text with a sendEmail action appended (the text as it is when it is not a JSON list). */
function withSendEmail(actions: string, campaignId: string): string {
  const parsed = parseJson(actions);
  const list = Array.isArray(parsed.value) ? parsed.value : parsed.value === undefined ? [] : null;
  if (!list) return actions;
  return JSON.stringify([...list, { type: "sendEmail", campaignId }], null, 2);
}

function parseJson(text: string): { value?: unknown; error?: string } {
  if (!text.trim()) return {};
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: "Not valid JSON" };
  }
}

export function AutomationModal({
  opened,
  editing,
  onClose,
}: {
  opened: boolean;
  editing: Automation | null;
  onClose: () => void;
}) {
  const { workspace } = useCurrentWorkspace();
  const { create, update } = useAutomationMutations(workspace.id);
  const [name, setName] = useState(editing?.name ?? "");
  const [eventType, setEventType] = useState(editing?.trigger.eventType ?? "");
  const [customers, setCustomers] = useState<string>(editing?.trigger.customers ?? "known");
  const [filter, setFilter] = useState(editing?.trigger.filter ? JSON.stringify(editing.trigger.filter, null, 2) : "");
  const [delay, setDelay] = useState<number>(editing?.delayMinutes ?? 0);
  const [actions, setActions] = useState(editing ? JSON.stringify(editing.actions, null, 2) : EXAMPLE_ACTIONS);
  const campaigns = useCampaigns(workspace.id);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const mutation = editing ? update : create;
  const parsedFilter = parseJson(filter);
  const parsedActions = parseJson(actions);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => mutation.reset()}
      title={<Text fw={650}>{editing ? `Edit ${editing.name}` : "New automation"}</Text>}
      centered
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const body = {
            name,
            trigger: {
              eventType,
              customers: customers as AutomationCreate["trigger"]["customers"],
              ...(parsedFilter.value !== undefined && { filter: parsedFilter.value }),
            },
            delayMinutes: delay,
            actions: parsedActions.value,
          } as AutomationCreate;
          const done = () => {
            notifySuccess(`${name} is saved.`, editing ? "Automation saved" : "Automation created");
            onClose();
          };
          if (editing) update.mutate({ id: editing.id, body }, { onSuccess: done });
          else create.mutate(body, { onSuccess: done });
        }}
      >
        <Stack gap="md">
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(mutation.error, "name")}
          />
          <TextInput
            label="When an event of type"
            placeholder="completedOrder"
            required
            value={eventType}
            onChange={(e) => setEventType(e.currentTarget.value)}
            error={fieldError(mutation.error, "trigger.eventType")}
          />
          <Select
            label="Arrives for"
            data={[
              { value: "known", label: "Known customers" },
              { value: "anonymous", label: "Anonymous visitors" },
              { value: "any", label: "Anyone" },
            ]}
            value={customers}
            onChange={(value) => setCustomers(value ?? "known")}
            allowDeselect={false}
          />
          <Textarea
            label="Only customers matching (filter, JSON)"
            placeholder='{ "field": "base.address.country", "op": "eq", "value": "IT" }'
            autosize
            minRows={2}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            error={parsedFilter.error ?? fieldError(mutation.error, "trigger.filter")}
          />
          <NumberInput
            label="After (minutes)"
            min={0}
            value={delay}
            onChange={(value) => setDelay(Number(value) || 0)}
            error={fieldError(mutation.error, "delayMinutes")}
          />
          <Textarea
            label="Actions (JSON, run in order)"
            description="addTag / removeTag { tag }, setProperty { path, value }, webhook { webhookId } or { url }, sendEmail { campaignId }"
            autosize
            minRows={3}
            required
            value={actions}
            onChange={(e) => setActions(e.currentTarget.value)}
            error={parsedActions.error ?? fieldError(mutation.error, "actions")}
          />
          <Group align="flex-end" gap="xs">
            <Select
              label="Send a campaign's e-mail"
              description="To the customer, if she consented to e-mail marketing and is not suppressed"
              placeholder={campaigns.isPending ? "Loading campaigns…" : "Pick a campaign"}
              data={(campaigns.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.name} (${c.status.toLowerCase()})`,
              }))}
              value={campaignId}
              onChange={setCampaignId}
              searchable
              nothingFoundMessage="No campaign"
              style={{ flex: 1 }}
            />
            <Button
              variant="default"
              disabled={!campaignId || (parsedActions.value !== undefined && !Array.isArray(parsedActions.value))}
              onClick={() => {
                if (!campaignId) return;
                setActions(withSendEmail(actions, campaignId));
                setCampaignId(null);
              }}
            >
              Add sendEmail action
            </Button>
          </Group>
          <FormActions
            error={formError(mutation.error, FIELDS)}
            pending={mutation.isPending}
            onCancel={onClose}
            submitLabel={editing ? "Save automation" : "Create automation"}
            submitDisabled={
              !name.trim()
                ? "Name the automation first"
                : !eventType.trim()
                  ? "Choose the event type it reacts to"
                  : parsedActions.value === undefined
                    ? "Fix the actions first"
                    : !!parsedFilter.error && "Fix the filter first"
            }
          />
        </Stack>
      </form>
    </Modal>
  );
}
