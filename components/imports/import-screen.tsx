// /customers/import — import customers from a CSV file: choose the file, map its columns (suggested from
// the header row), preview what the first rows would do, then import with a progress bar and the file of
// rejected rows at the end. Reached from the customer explorer.
import { Alert, Autocomplete, Badge, Button, FileInput, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { IconFileTypeCsv } from "@tabler/icons-react";
import { useState } from "react";
import { Page } from "@/components/ui/page";
import { errorMessage } from "@/components/ui/notify";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { uploadCsv } from "@/lib/client/upload-csv";
import { createImportEndpoint, type Import, type ImportDryRun } from "@/lib/schemas/imports";
import { headSlice, initialMapping, IMPORT_PATH_OPTIONS } from "./import-paths";
import { ImportProgress } from "./import-progress";

const STATUS_COLOR = { create: "teal", update: "blue", reject: "red" } as const;

export function ImportScreen() {
  const ws = useCurrentWorkspace().workspace.id;
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportDryRun | null>(null);
  const [started, setStarted] = useState<Import | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const chosenMapping = () => Object.fromEntries(Object.entries(mapping).filter(([, path]) => path.trim() !== ""));
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  // Only the head of the file goes to the dry run: it reads the first rows and nothing more.
  const dryRun = async (chosen: File, withMapping?: Record<string, string>) =>
    (await uploadCsv(
      createImportEndpoint,
      { params: { ws }, query: { dryRun: "true", ...(withMapping && { mapping: JSON.stringify(withMapping) }) } },
      await headSlice(chosen),
    )) as ImportDryRun;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setStarted(null);
    setHeader([]);
    if (!chosen) return;
    void run(async () => {
      const result = await dryRun(chosen);
      setHeader(result.header);
      setMapping(initialMapping(result.header, result.mapping, result.suggestions));
    });
  };
  const previewRows = () => file && run(async () => setPreview(await dryRun(file, chosenMapping())));
  const start = () =>
    file &&
    run(async () => {
      const query = { filename: file.name, mapping: JSON.stringify(chosenMapping()) };
      setStarted((await uploadCsv(createImportEndpoint, { params: { ws }, query }, file)) as Import);
    });

  return (
    <Page title="Import customers" description="Bring customers in from a CSV file with a header row.">
      <Stack gap="md" maw={960}>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} />}
          value={file}
          onChange={choose}
          disabled={busy || (started !== null && !["completed", "failed", "cancelled"].includes(started.status))}
          clearable
        />
        {error && (
          <Alert color="red" title="The file cannot be imported like this">
            {error}
          </Alert>
        )}
        {header.length > 0 && !started && (
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Text fw={500}>Columns</Text>
              <Text size="sm" c="dimmed">
                Each column goes to a field of the customer, or is ignored. Columns named by a field path (
                base.firstName, extended.&lt;name&gt;) map themselves.
              </Text>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Field</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {header.map((column) => (
                    <Table.Tr key={column}>
                      <Table.Td>{column}</Table.Td>
                      <Table.Td>
                        <Autocomplete
                          aria-label={`Field for ${column}`}
                          data={IMPORT_PATH_OPTIONS}
                          value={mapping[column] ?? "ignore"}
                          onChange={(value) => setMapping((m) => ({ ...m, [column]: value }))}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group>
                <Button variant="default" onClick={() => void previewRows()} loading={busy}>
                  Preview
                </Button>
                <Button onClick={() => void start()} loading={busy}>
                  Import
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {preview && !started && <PreviewTable preview={preview} />}
        {started && <ImportProgress ws={ws} id={started.id} />}
      </Stack>
    </Page>
  );
}

function PreviewTable({ preview }: { preview: ImportDryRun }) {
  const counts = { create: 0, update: 0, reject: 0 };
  for (const row of preview.rows) counts[row.status]++;
  return (
    <Paper withBorder p="md" data-testid="import-preview">
      <Text fw={500} mb="xs">
        The first {preview.rows.length} rows: {counts.create} new, {counts.update} existing, {counts.reject} rejected
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Line</Table.Th>
            <Table.Th>Would</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[row.status]} variant="light">
                  {row.status}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {row.reason ?? JSON.stringify(row.customer)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
