// A running or finished import: the progress bar, the counts, cancel, and the file of rejected rows.
import { Alert, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { buildEndpointUrl, callEndpoint } from "@/lib/client/api-client";
import { downloadCsv } from "@/lib/client/download-csv";
import { queryKeys } from "@/lib/client/query-keys";
import { cancelImportEndpoint, getImportEndpoint, listImportErrorsEndpoint } from "@/lib/schemas/imports";
import { notifyError } from "@/components/ui/notify";

const POLL_MS = 1000;

export function ImportProgress({ ws, id }: { ws: string; id: string }) {
  const queryClient = useQueryClient();
  const key = queryKeys.imports.detail(ws, id);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => callEndpoint(getImportEndpoint, { params: { ws, id } }, { signal }),
    refetchInterval: (q) => (q.state.data && ["queued", "running"].includes(q.state.data.status) ? POLL_MS : false),
  });
  const cancel = useMutation({
    mutationFn: () => callEndpoint(cancelImportEndpoint, { params: { ws, id } }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
    onError: (error) => notifyError(error, "Could not cancel the import"),
  });
  const [downloading, setDownloading] = useState(false);
  const item = query.data;
  if (!item) return <Text c="dimmed">Loading the import…</Text>;
  const active = item.status === "queued" || item.status === "running";
  const percent = Math.round(item.progress * 100);
  const downloadErrors = async () => {
    setDownloading(true);
    try {
      const url = buildEndpointUrl(listImportErrorsEndpoint, { params: { ws, id } });
      await downloadCsv({ url, fallbackName: "import-errors.csv" });
    } catch (error) {
      notifyError(error, "Could not download the error file");
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="import-progress">
      <Group justify="space-between">
        <Text fw={500}>
          {item.filename}: <span data-testid="import-status">{item.status}</span>
        </Text>
        <Text size="sm" c="dimmed">
          {percent}%
        </Text>
      </Group>
      <Progress value={percent} animated={active} aria-label="Import progress" />
      <Text size="sm" data-testid="import-counts">
        {item.processed.toLocaleString()} rows read · {item.created.toLocaleString()} created ·{" "}
        {item.updated.toLocaleString()} updated · {item.rejected.toLocaleString()} rejected
      </Text>
      {item.error && <Alert color="red">{item.error}</Alert>}
      <Group>
        {active && (
          <Button variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            Cancel import
          </Button>
        )}
        {!active && item.rejected > 0 && (
          <Button variant="default" onClick={() => void downloadErrors()} loading={downloading}>
            Download the rejected rows
          </Button>
        )}
      </Group>
    </Stack>
  );
}
