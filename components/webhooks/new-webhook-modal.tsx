// "New webhook": a URL and the kinds to send, then the signing secret — shown only this once.
import { Checkbox, Modal, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { useSecretCloseGuard } from "@/components/ui/secret-close-guard";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { WEBHOOK_EVENT_KINDS, type WebhookEventKind, type WebhookWithSecret } from "@/lib/schemas/webhooks";
import { useWebhookMutations } from "./use-webhooks";
import { WebhookSecret } from "./webhook-secret";

const FIELDS = ["url", "events", "eventTypes", "description"] as const;

export function NewWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventKind[]>(["event.created"]);
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  const { create } = useWebhookMutations(workspace.id);
  const guard = useSecretCloseGuard(created !== null, onClose);
  const reset = () => {
    setUrl("");
    setEvents(["event.created"]);
    setEventTypes([]);
    setCreated(null);
    create.reset();
  };
  return (
    <Modal
      opened={opened}
      {...guard.modalProps}
      onExitTransitionEnd={reset}
      title={<Text fw={650}>{created ? "Signing secret" : "New webhook"}</Text>}
      centered
      size={created ? "lg" : "md"}
    >
      {created ? (
        <WebhookSecret secret={created.secret} guard={guard} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(
              { url, events, eventTypes },
              {
                onSuccess: (hook) => {
                  setCreated(hook);
                  notifySuccess("Copy its signing secret now.", "Webhook created");
                },
              },
            );
          }}
        >
          <Stack gap="md">
            <TextInput
              label="URL"
              description="An https:// endpoint that answers 2xx within 10 seconds."
              required
              data-autofocus
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={fieldError(create.error, "url")}
            />
            <Checkbox.Group
              label="Send"
              value={events}
              onChange={(value) => setEvents(value as WebhookEventKind[])}
              error={fieldError(create.error, "events")}
            >
              <Stack gap={6} mt={6}>
                {WEBHOOK_EVENT_KINDS.map((kind) => (
                  <Checkbox key={kind} value={kind} label={kind} />
                ))}
              </Stack>
            </Checkbox.Group>
            {events.includes("event.created") ? (
              <TagsInput
                label="Only these event types"
                description="Empty: every event type."
                value={eventTypes}
                onChange={setEventTypes}
              />
            ) : null}
            <FormActions
              error={formError(create.error, FIELDS)}
              pending={create.isPending}
              onCancel={onClose}
              submitLabel="Create webhook"
              submitDisabled={!url.trim() ? "Enter the URL first" : events.length === 0 && "Choose what to send"}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
