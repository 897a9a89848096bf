// An API client's id and secret right after it was created or its secret rotated — the only time the
// secret can be read. Esc and the close button ask before it is thrown away (secret-close-guard.tsx).
import { Stack, Text } from "@mantine/core";
import { ROLE_LABEL } from "@/components/ui/role-badge";
import { SecretCloseActions, type SecretCloseGuard } from "@/components/ui/secret-close-guard";
import { SecretValue, ShownOnceWarning } from "@/components/ui/secret-value";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { ApiClientCreated } from "@/lib/schemas/api-clients";

export function ApiClientCredentials({ client, guard }: { client: ApiClientCreated; guard: SecretCloseGuard }) {
  const { workspace } = useCurrentWorkspace();
  return (
    <Stack gap="md">
      <ShownOnceWarning>
        Atrium keeps only a hash of the secret. Store it in your integration&apos;s secret manager now; if it is lost,
        rotate the secret to get a new one.
      </ShownOnceWarning>
      <SecretValue label="Client id" value={client.clientId} />
      <SecretValue label="Client secret" value={client.clientSecret} />
      <Text size="sm" c="dimmed">
        Get an access token with <code>POST /oauth/token</code> and <code>grant_type=client_credentials</code>,
        authenticating with this id and secret (HTTP Basic). It acts with the {ROLE_LABEL[client.role]} role in{" "}
        {workspace.name}.
      </Text>
      <SecretCloseActions guard={guard} what="secret" savedLabel="I have saved the secret" />
    </Stack>
  );
}
