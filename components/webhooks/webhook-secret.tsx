// A webhook's signing secret right after it was created or rotated — the only time it can be read. Esc
// and the close button ask before it is thrown away (secret-close-guard.tsx).
import { Button, Group, Stack } from "@mantine/core";
import { SecretCloseConfirm, type SecretCloseGuard } from "@/components/ui/secret-close-guard";
import { SecretValue, ShownOnceWarning } from "@/components/ui/secret-value";

export function WebhookSecret({ secret, guard }: { secret: string; guard: SecretCloseGuard }) {
  return (
    <Stack gap="md">
      <ShownOnceWarning>
        Verify every delivery with this secret (Standard Webhooks). It is not shown again; if it is lost, rotate the
        secret to get a new one.
      </ShownOnceWarning>
      <SecretValue label="Secret" value={secret} />
      <SecretCloseConfirm guard={guard} what="secret" />
      {guard.asking ? null : (
        <Group justify="flex-end">
          <Button onClick={guard.close}>I have saved the secret</Button>
        </Group>
      )}
    </Stack>
  );
}
