// The CSV export as a dialog: how many customers the file will hold (the audience count), a warning
// when the server's row limit will cut it, and progress while a long export streams in.
import { Alert, Button, Group, Modal, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { downloadCsv, type CsvProgress, type CsvRequest } from "@/lib/client/download-csv";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { AudienceCount } from "./audience-count";
import type { AudienceQuery } from "./use-audience-count";

/** The server's cap on one export (MAX_EXPORT_ROWS in lib/server/search/export-customers-csv.ts). */
export const EXPORT_ROW_LIMIT = 100_000;

export interface ExportModalProps {
  opened: boolean;
  onClose: () => void;
  request: CsvRequest | null;
  audience: AudienceQuery;
  masked: boolean;
}

export function ExportModal({ opened, onClose, request, audience, masked }: ExportModalProps) {
  const [progress, setProgress] = useState<CsvProgress | null>(null);
  const [running, setRunning] = useState(false);
  const count = audience.data?.count ?? 0;
  const capped = count > EXPORT_ROW_LIMIT || Boolean(progress?.truncated);
  const total = progress?.rows ?? Math.min(count, EXPORT_ROW_LIMIT);
  const received = Math.max(0, (progress?.lines ?? 0) - 1);
  const percent = total > 0 ? Math.min(100, (received / total) * 100) : running ? 100 : 0;

  const start = async () => {
    if (!request) return;
    setRunning(true);
    try {
      await downloadCsv(request, setProgress);
      notifySuccess("The CSV file is downloaded.");
      onClose();
    } catch (error) {
      notifyError(error, "The CSV export failed");
    } finally {
      setRunning(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={running ? () => {} : onClose}
      onExitTransitionEnd={() => setProgress(null)}
      title={<Text fw={650}>Download CSV</Text>}
      closeButtonProps={{ "aria-label": "Close" }}
      centered
    >
      <Stack gap="md">
        <Group gap={6}>
          <Text size="sm">The file will hold</Text>
          <AudienceCount query={audience} testId="export-count" />
          {masked ? <Text size="sm">with personal data masked</Text> : null}
        </Group>
        {capped ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="The file will be cut">
            An export holds at most {EXPORT_ROW_LIMIT.toLocaleString()} customers; this audience has more. Narrow the
            filter, or export it in parts (for example by sign-up date).
          </Alert>
        ) : null}
        {running || progress ? (
          <Stack gap={4}>
            <Progress value={percent} animated={running} aria-label="Export progress" />
            <Text size="xs" c="dimmed" aria-live="polite">
              {received.toLocaleString()} of {total.toLocaleString()} rows received
            </Text>
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={running}>
            Cancel
          </Button>
          <Button leftSection={<IconDownload size={16} />} onClick={start} loading={running} disabled={!request}>
            Download
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
