// The filter as JSON, for filters the builder cannot show (deeper nesting, event properties…) and for
// people who prefer to type the filter language (docs/api.md). Results follow as soon as it is valid.
import { Alert, Button, Group, JsonInput, Stack, Text } from "@mantine/core";
import { IconListDetails } from "@tabler/icons-react";

export interface FilterJsonEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Why the text is not a filter yet (JSON syntax or the filter language). */
  error: string | null;
  /** Errors the API reported for this filter. */
  apiErrors: readonly string[];
  /** Back to the builder; returns false when the builder cannot show this filter. */
  onEditInBuilder: () => boolean;
  builderUnavailable: boolean;
}

export function FilterJsonEditor({
  value,
  onChange,
  error,
  apiErrors,
  onEditInBuilder,
  builderUnavailable,
}: FilterJsonEditorProps) {
  return (
    <Stack gap="xs">
      <JsonInput
        aria-label="Filter (JSON)"
        value={value}
        onChange={onChange}
        autosize
        minRows={4}
        maxRows={16}
        error={error ?? undefined}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
      />
      {apiErrors.map((message) => (
        <Text key={message} size="xs" c="red" role="alert">
          {message}
        </Text>
      ))}
      {builderUnavailable ? (
        <Alert variant="light" color="gray" p="xs">
          <Text size="sm">
            The builder has no rows for parts of this filter (groups inside groups, event properties, unknown fields…),
            so it is edited as JSON.
          </Text>
        </Alert>
      ) : null}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconListDetails size={14} />}
          onClick={onEditInBuilder}
          disabled={error !== null || builderUnavailable}
        >
          Edit in the builder
        </Button>
      </Group>
    </Stack>
  );
}
