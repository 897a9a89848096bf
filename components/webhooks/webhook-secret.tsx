// A webhook's signing secret right after it was created or rotated — the only time it can be read. Esc
// and the close button ask before it is thrown away (secret-close-guard.tsx).
import { Stack } from "@mantine/core";
import { SecretCloseActions, type SecretCloseGuard } from "@/components/ui/secret-close-guard";
import { SecretValue, ShownOnceWarning } from "@/components/ui/secret-value";

export function WebhookSecret({ secret, guard }: { secret: string; guard: SecretCloseGuard }) {
  return (
    <Stack gap="md">
      <ShownOnceWarning>
        Verify every delivery with this secret (Standard Webhooks). It is not shown again; if it is lost, rotate the
        secret to get a new one.
      </ShownOnceWarning>
      <SecretValue label="Secret" value={secret} />
      <SecretCloseActions guard={guard} what="secret" savedLabel="I have saved the secret" />
    </Stack>
  );
}
