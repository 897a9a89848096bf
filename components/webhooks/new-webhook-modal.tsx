// "New webhook": a URL and the kinds to send, then the signing secret — shown only this once.
import { Button, Checkbox, Group, Modal, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { SecretCloseConfirm, useSecretCloseGuard } from "@/components/ui/secret-close-guard";
import { SecretValue, ShownOnceWarning } from "@/components/ui/secret-value";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { WEBHOOK_EVENT_KINDS, type WebhookEventKind, type WebhookWithSecret } from "@/lib/schemas/webhooks";
import { useWebhookMutations } from "./use-webhooks";

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
        <Stack gap="md">
          <ShownOnceWarning>
            Verify every delivery with this secret (Standard Webhooks). It is not shown again.
          </ShownOnceWarning>
          <SecretValue label="Secret" value={created.secret} />
          <SecretCloseConfirm guard={guard} what="secret" />
          {guard.asking ? null : (
            <Group justify="flex-end">
              <Button onClick={guard.close}>I have saved the secret</Button>
            </Group>
          )}
        </Stack>
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
