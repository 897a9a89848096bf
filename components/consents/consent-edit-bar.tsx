// The bottom of the consent panel while editing: an optional evidence note (what proves the change —
// kept in the registry with each entry) and the save / cancel buttons.
import { Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";

export interface ConsentEditBarProps {
  changes: number;
  evidence: string;
  onEvidenceChange: (value: string) => void;
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
}

export function ConsentEditBar({ changes, evidence, onEvidenceChange, onCancel, onSave, saving }: ConsentEditBarProps) {
  return (
    <Paper withBorder radius="md" p="md" bg="var(--atrium-surface-page)">
      <Stack gap="sm">
        <Textarea
          label="Evidence (optional)"
          description="What proves this change, e.g. “Signed form at the Milan store” or “Phone call, ticket T-1042”. It is stored with each registry entry."
          placeholder="How did the person express this choice?"
          value={evidence}
          onChange={(event) => onEvidenceChange(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          maxRows={5}
        />
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="xs" c="dimmed">
            Recorded under your name with the source “admin-ui”; each changed key adds one entry to the registry.
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel} disabled={saving}>
              Cancel
            </Button>
            <Button onClick={onSave} loading={saving} disabled={changes === 0}>
              {changes === 0 ? "No changes" : changes === 1 ? "Save 1 change" : `Save ${changes} changes`}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
