// A credential shown once (API client secret, source write key): monospace, selectable, with a copy
// button, and a warning that it cannot be shown again.
import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import type { ReactNode } from "react";

export function SecretValue({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block style={{ flex: 1, minWidth: 0, wordBreak: "break-all", whiteSpace: "pre-wrap" }} aria-label={label}>
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? "Copied" : `Copy ${label.toLowerCase()}`} withArrow>
              <ActionIcon
                variant={copied ? "filled" : "default"}
                color={copied ? "teal" : undefined}
                size="lg"
                onClick={copy}
                aria-label={`Copy ${label.toLowerCase()}`}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

export function ShownOnceWarning({ children }: { children: ReactNode }) {
  return (
    <Alert
      variant="light"
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      title="Copy it now — it is shown only once"
    >
      {children}
    </Alert>
  );
}
