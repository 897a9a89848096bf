// The second step of "Merge with…": both (or all) profiles side by side, field by field, with the value
// that will survive. A radio per field chooses whose value survives — an address as one unit, contacts
// per contact field. The server computes the result with the merge's own rules (POST …/merge/preview).
import { Alert, Badge, Group, Loader, Paper, Radio, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconInfoCircle } from "@tabler/icons-react";
import { useExtendedProperties } from "@/components/filters/use-filter-fields";
import { errorMessage } from "@/components/ui/notify";
import type { MergePreview } from "@/lib/schemas/customers";
import type { MergeChoices } from "@/lib/schemas/merge-choices";
import { customerName } from "./customer-display";
import { mergeFieldLabel, mergeFieldText, mergeFieldValue } from "./merge-field-display";

export interface MergeComparisonProps {
  ws: string;
  preview: MergePreview | undefined;
  error: unknown;
  fetching: boolean;
  choose: MergeChoices;
  onChoose: (path: string, customerId: string) => void;
}

function Value({ text }: { text: string }) {
  return text ? (
    <Text component="span" size="sm" style={{ overflowWrap: "anywhere" }}>
      {text}
    </Text>
  ) : (
    <Text component="span" size="sm" c="dimmed">
      –
    </Text>
  );
}

export function MergeComparison({ ws, preview, error, fetching, choose, onChoose }: MergeComparisonProps) {
  const declarations = useExtendedProperties(ws).data?.properties ?? [];
  // On a phone the columns do not fit: each field becomes a card with its choices one under the other.
  const phone = useMediaQuery("(max-width: 48em)");
  const labels = new Map(declarations.map((property) => [property.name, property.label ?? property.name]));
  if (!preview) {
    return error ? (
      <Alert color="red" variant="light" role="alert">
        {errorMessage(error)}
      </Alert>
    ) : (
      <Group justify="center" py="lg">
        <Loader size="sm" aria-label="Comparing the profiles" />
      </Group>
    );
  }
  const { customers, result, fields } = preview;
  const names = customers.map((customer, index) => `${index === 0 ? "This profile" : customerName(customer)}`);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Choose whose value each field keeps. An address is kept whole. Tags are combined and consents follow their most
        recent change.
      </Text>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(error)}
        </Alert>
      ) : null}
      {phone ? (
        <Stack gap="xs" aria-label="Profiles compared" aria-busy={fetching}>
          {fields.map((field) => {
            const label = mergeFieldLabel(field.path, labels);
            const selected = choose[field.path] ?? field.from;
            const after = mergeFieldText(field.path, mergeFieldValue(result, field.path));
            return (
              <Paper key={field.path} withBorder p="sm" radius="md" data-field={field.path}>
                <Stack gap={6} role="radiogroup" aria-label={label}>
                  <Text size="sm" fw={650}>
                    {label}
                  </Text>
                  {customers.map((customer, index) => {
                    const text = mergeFieldText(field.path, mergeFieldValue(customer, field.path));
                    return (
                      <Radio
                        key={customer.id}
                        name={`merge-${field.path}`}
                        value={customer.id}
                        checked={selected === customer.id}
                        onChange={() => onChoose(field.path, customer.id)}
                        aria-label={`${label}: keep ${text || "no value"} from ${names[index]}`}
                        label={<Value text={text} />}
                        description={names[index]}
                      />
                    );
                  })}
                  <Text size="xs" c="dimmed">
                    After the merge: {after || "–"}
                    {field.from === null ? " (combined)" : ""}
                  </Text>
                </Stack>
              </Paper>
            );
          })}
          <Text size="sm">
            <Text span fw={650}>
              Tags after the merge:
            </Text>{" "}
            {result.tags.join(", ") || "–"}
          </Text>
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" aria-label="Profiles compared" aria-busy={fetching} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>Field</Table.Th>
                {customers.map((customer, index) => (
                  <Table.Th key={customer.id}>{names[index]}</Table.Th>
                ))}
                <Table.Th>After the merge</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => {
                const label = mergeFieldLabel(field.path, labels);
                const selected = choose[field.path] ?? field.from;
                const after = mergeFieldText(field.path, mergeFieldValue(result, field.path));
                return (
                  <Table.Tr key={field.path} data-field={field.path}>
                    <Table.Th scope="row" fw={550}>
                      {label}
                    </Table.Th>
                    {customers.map((customer, index) => {
                      const text = mergeFieldText(field.path, mergeFieldValue(customer, field.path));
                      return (
                        <Table.Td key={customer.id}>
                          <Radio
                            name={`merge-${field.path}`}
                            value={customer.id}
                            checked={selected === customer.id}
                            onChange={() => onChoose(field.path, customer.id)}
                            aria-label={`${label}: keep ${text || "no value"} from ${names[index]}`}
                            label={<Value text={text} />}
                          />
                        </Table.Td>
                      );
                    })}
                    <Table.Td>
                      <Stack gap={2}>
                        <Value text={after} />
                        {field.from === null ? (
                          <Badge size="xs" variant="light" color="gray" tt="none">
                            combined
                          </Badge>
                        ) : null}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Th scope="row" fw={550}>
                  Tags
                </Table.Th>
                {customers.map((customer) => (
                  <Table.Td key={customer.id}>
                    <Value text={customer.tags.join(", ")} />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Value text={result.tags.join(", ")} />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap={6} wrap="nowrap">
        <IconInfoCircle size={16} aria-hidden />
        <Text size="xs" c="dimmed">
          Identities, events and consents of every profile move to this one. You can undo the merge from the merge
          history.
        </Text>
      </Group>
    </Stack>
  );
}
