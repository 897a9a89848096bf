// /campaigns/outbox — the sandbox outbox: messages rendered exactly as they would be sent, never delivered.
import { Alert, Badge, Grid, Group, Paper, ScrollArea, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconFlask } from "@tabler/icons-react";
import { useState } from "react";
import { formatTimestamp } from "@/components/customers/customer-columns";
import { ErrorAlert } from "@/components/ui/error-alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { useOutbox } from "./use-campaigns";

/** Reading the outbox must not count as an open: the message's own images (the pixel) stay unloaded. */
const NO_REMOTE = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

export function OutboxScreen() {
  const ws = useCurrentWorkspace().workspace.id;
  const outbox = useOutbox(ws);
  const [selected, setSelected] = useState<string | null>(null);
  const messages = outbox.data?.data ?? [];
  const shown = messages.find((m) => m.id === selected) ?? messages[0];

  let content;
  if (outbox.isPending) content = <Skeleton height={240} radius="md" />;
  else if (outbox.error)
    content = (
      <ErrorAlert
        title="The outbox could not be loaded"
        error={outbox.error}
        onRetry={outbox.refetch}
        retrying={outbox.isFetching}
      />
    );
  else if (messages.length === 0)
    content = (
      <EmptyState
        icon={IconFlask}
        title="The sandbox outbox is empty"
        description="Without SMTP configured, campaigns and test sends land here instead of being delivered."
      />
    );
  else
    content = (
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md">
            <ScrollArea.Autosize mah={640}>
              <Stack gap={0}>
                {messages.map((m) => (
                  <UnstyledButton
                    key={m.id}
                    onClick={() => setSelected(m.id)}
                    p="sm"
                    bg={m.id === shown?.id ? "var(--mantine-color-default-hover)" : undefined}
                    style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
                  >
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" fw={550} lineClamp={1}>
                        {m.subject}
                      </Text>
                      {m.test ? <Badge size="xs">test</Badge> : null}
                    </Group>
                    <Text size="xs" c="dimmed">
                      To {m.to} · {formatTimestamp(m.createdAt)}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {shown ? (
            <Paper withBorder radius="md" p="md">
              <Text size="sm">
                <b>From</b> {shown.from} · <b>To</b> {shown.to}
              </Text>
              <Text size="sm" mb="sm">
                <b>Subject</b> {shown.subject}
              </Text>
              <iframe
                title="Sandbox message"
                srcDoc={`${NO_REMOTE}${shown.html}`}
                sandbox=""
                style={{
                  width: "100%",
                  height: 520,
                  border: "1px solid var(--mantine-color-default-border)",
                  background: "#fff",
                }}
              />
            </Paper>
          ) : null}
        </Grid.Col>
      </Grid>
    );

  return (
    <Page title="Sandbox outbox" description="Messages rendered exactly as they would be sent.">
      <Alert color="yellow" variant="light" mb="md" icon={<IconFlask size={18} />} title="Sandbox — never delivered">
        Nothing here left Atrium. Set SMTP_URL to deliver campaigns for real (see docs/send.md).
      </Alert>
      {content}
    </Page>
  );
}
