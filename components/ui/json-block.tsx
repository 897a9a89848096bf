// Raw JSON for people who need the exact payload (properties, context, audit details): pretty-printed,
// scrollable when long, with a copy button.
import { ActionIcon, Box, Code, CopyButton, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";

export function JsonBlock({
  value,
  maxHeight = 360,
  label = "JSON",
}: {
  value: unknown;
  maxHeight?: number;
  label?: string;
}) {
  const text = JSON.stringify(value ?? null, null, 2);
  return (
    <Box pos="relative">
      <Code block style={{ maxHeight, overflow: "auto", whiteSpace: "pre" }} aria-label={label}>
        {text}
      </Code>
      <CopyButton value={text} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? "Copied" : `Copy ${label}`} withArrow>
            <ActionIcon
              variant="default"
              size="sm"
              onClick={copy}
              aria-label={`Copy ${label}`}
              pos="absolute"
              top={6}
              right={6}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Box>
  );
}
