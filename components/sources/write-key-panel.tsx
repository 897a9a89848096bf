// A source's write key right after it was created or rotated — the only time it can be read.
import { Stack, Text } from "@mantine/core";
import { SecretValue, ShownOnceWarning } from "@/components/ui/secret-value";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { SourceWithWriteKey } from "@/lib/schemas/sources";

export function WriteKeyPanel({ source }: { source: SourceWithWriteKey }) {
  const { workspace } = useCurrentWorkspace();
  return (
    <Stack gap="md">
      <ShownOnceWarning>
        Atrium keeps only a hash of the key. Put it in your tracker or app configuration now; if it is lost, rotate the
        key to get a new one.
      </ShownOnceWarning>
      <SecretValue label="Write key" value={source.writeKey} />
      <Text size="sm" c="dimmed">
        With this key, {source.name} can send profiles and events to {workspace.name} — and do nothing else: it cannot
        read any data.
        {source.allowedOrigins.length > 0 ? " Browsers may use it only from the allowed origins." : ""}
      </Text>
    </Stack>
  );
}
