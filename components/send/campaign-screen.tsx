// /campaigns/new and /campaigns/:id — the editor with a live preview (desktop or phone width, as a chosen
// customer), the audience with its consented count, a test send, then progress and the report.
import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFlask, IconPlayerStop, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useViews } from "@/components/views/use-views";
import { ErrorAlert } from "@/components/ui/error-alert";
import { errorMessage, notifyError, notifySuccess } from "@/components/ui/notify";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace, useWorkspacePath } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import type { Campaign, CampaignReport } from "@/lib/schemas/send";
import { CampaignByLinkChart, CampaignOverTimeChart } from "./campaign-report-charts";
import { CampaignStatusBadge } from "./campaign-status";
import {
  useCampaign,
  useCampaignAction,
  useCampaignAudience,
  useCampaignReport,
  usePreview,
  useSaveCampaign,
  useTestSend,
} from "./use-campaigns";

const STARTER_HTML = `<html><body style="font-family:Arial,sans-serif">
<h1>Hello {{ customer.base.firstName | default: "there" }}</h1>
<p>Our spring collection is here.</p>
<p><a href="https://example.com/spring">See what is new</a></p>
</body></html>`;

interface Draft {
  name: string;
  subject: string;
  preheader: string;
  html: string;
  viewId: string | null;
}

function draftOf(campaign: Campaign | undefined): Draft {
  return {
    name: campaign?.name ?? "",
    subject: campaign?.subject ?? "",
    preheader: campaign?.preheader ?? "",
    html: campaign?.html ?? STARTER_HTML,
    viewId: campaign?.viewId ?? null,
  };
}

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={650}>
        {typeof value === "number" ? value.toLocaleString() : value}
      </Text>
    </Paper>
  );
}

function ReportPanel({ campaign, report }: { campaign: Campaign; report: CampaignReport | undefined }) {
  const { progress } = campaign;
  const done = progress.total - progress.pending;
  // A draft has no send of its own: only what automations' sendEmail actions sent with it.
  const ownSend = campaign.status !== "DRAFT";
  const triggered = report?.byOrigin.automation;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} fz={18}>
          {campaign.status === "SENDING" ? "Sending…" : ownSend ? "Report" : "Sent by automations"}
        </Title>
        {ownSend ? (
          <Text size="sm" c="dimmed">
            {done.toLocaleString()} of {progress.total.toLocaleString()} handled
          </Text>
        ) : null}
      </Group>
      {ownSend ? (
        <Progress value={progress.total ? (done / progress.total) * 100 : 0} aria-label="Sending progress" />
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Stat label="Delivered" value={report?.delivered ?? progress.sent} />
        <Stat label="Opened" value={report?.opened ?? 0} />
        <Stat label="Clicked" value={report?.clicked ?? 0} />
        <Stat label="Unsubscribed" value={report?.unsubscribed ?? 0} />
        <Stat label="Bounced" value={report?.bounced ?? progress.bounced} />
        <Stat label="Spam reports" value={report?.complained ?? 0} />
      </SimpleGrid>
      {ownSend && triggered && triggered.messages > 0 ? (
        <Text size="sm" c="dimmed" data-testid="report-by-automations">
          Including {triggered.messages.toLocaleString()} messages sent by automations (
          {triggered.delivered.toLocaleString()} delivered, {triggered.opened.toLocaleString()} opened,{" "}
          {triggered.clicked.toLocaleString()} clicked).
        </Text>
      ) : null}
      {campaign.audience ? (
        <Text size="sm" c="dimmed">
          Audience {campaign.audience.audience.toLocaleString()}: {campaign.audience.recipients.toLocaleString()}{" "}
          recipients; left out {campaign.audience.noConsent.toLocaleString()} without consent,{" "}
          {campaign.audience.noEmail.toLocaleString()} without an e-mail,{" "}
          {campaign.audience.suppressed.toLocaleString()} suppressed.
        </Text>
      ) : null}
      {report && report.overTime.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: report.byLink.length > 0 ? 2 : 1 }}>
          <CampaignOverTimeChart report={report} />
          {report.byLink.length > 0 ? <CampaignByLinkChart report={report} /> : null}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

export function CampaignScreen() {
  const { id: routeId } = useParams();
  const id = routeId === "new" ? undefined : routeId;
  const ws = useCurrentWorkspace().workspace.id;
  const toScreen = useWorkspacePath();
  const navigate = useNavigate();
  const { canWrite } = usePermissions();
  const campaign = useCampaign(ws, id);
  const views = useViews(ws);
  const [draft, setDraft] = useState<Draft | null>(null);
  const current = draft ?? draftOf(campaign.data);
  const editable = canWrite && (!campaign.data || campaign.data.status === "DRAFT");
  const audience = useCampaignAudience(ws, id, editable);
  const report = useCampaignReport(ws, campaign.data);
  const save = useSaveCampaign(ws);
  const action = useCampaignAction(ws);
  const test = useTestSend(ws);
  const [device, setDevice] = useState("desktop");
  const [asCustomer, setAsCustomer] = useState("");
  const [testTo, setTestTo] = useState("");
  const [debounced] = useDebouncedValue(current, 400);
  const preview = usePreview(ws, {
    subject: debounced.subject,
    preheader: debounced.preheader || null,
    html: debounced.html,
    customerId: asCustomer.trim() || null,
  });

  const set = (patch: Partial<Draft>) => setDraft({ ...current, ...patch });

  const onSave = () => {
    const body = {
      name: current.name,
      subject: current.subject,
      preheader: current.preheader || null,
      html: current.html,
      viewId: current.viewId,
    };
    save.mutate(
      { id, body },
      {
        onSuccess: (saved) => {
          notifySuccess("Campaign saved.");
          setDraft(null);
          if (!id) void navigate(toScreen(`/campaigns/${saved.id}`), { replace: true });
        },
        onError: (error) => notifyError(error, "The campaign was not saved"),
      },
    );
  };

  const run = (kind: "send" | "cancel") =>
    action.mutate(
      { id: id!, action: kind },
      {
        onSuccess: () => notifySuccess(kind === "send" ? "The campaign is on its way." : "The campaign was cancelled."),
        onError: (error) => notifyError(error),
      },
    );

  if (id && campaign.isPending) return <Page title="Campaign" />;
  if (id && campaign.error)
    return (
      <Page title="Campaign">
        <ErrorAlert
          title="The campaign could not be loaded"
          error={campaign.error}
          onRetry={campaign.refetch}
          retrying={campaign.isFetching}
        />
      </Page>
    );

  const viewOptions = [
    { value: "", label: "Every customer" },
    ...(views.data ?? []).map((v) => ({ value: v.id, label: v.name })),
  ];

  return (
    <Page
      title={campaign.data?.name || "New campaign"}
      description={
        campaign.data ? <CampaignStatusBadge status={campaign.data.status} /> : "Write, preview, test, send."
      }
      actions={
        <Group gap="sm">
          {editable ? (
            <Button variant="default" onClick={onSave} loading={save.isPending}>
              Save draft
            </Button>
          ) : null}
          {editable && id && !draft ? (
            <Button leftSection={<IconSend size={16} />} onClick={() => run("send")} loading={action.isPending}>
              Send
            </Button>
          ) : null}
          {canWrite && (campaign.data?.status === "SENDING" || campaign.data?.status === "SCHEDULED") ? (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPlayerStop size={16} />}
              onClick={() => run("cancel")}
            >
              Cancel sending
            </Button>
          ) : null}
        </Group>
      }
    >
      {campaign.data && (campaign.data.status !== "DRAFT" || (report.data?.byOrigin.automation.messages ?? 0) > 0) ? (
        <Paper withBorder radius="md" p="md" mb="lg">
          <ReportPanel campaign={campaign.data} report={report.data} />
        </Paper>
      ) : null}
      {campaign.data?.transport === "SANDBOX" ? (
        <Alert color="yellow" variant="light" mb="md" icon={<IconFlask size={18} />} title="Sandbox">
          This campaign went to the sandbox outbox: nothing was delivered.
        </Alert>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <TextInput
              label="Name"
              value={current.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              disabled={!editable}
              required
            />
            <TextInput
              label="Subject"
              value={current.subject}
              onChange={(e) => set({ subject: e.currentTarget.value })}
              disabled={!editable}
              required
            />
            <TextInput
              label="Preheader"
              description="The preview text after the subject in the inbox"
              value={current.preheader}
              onChange={(e) => set({ preheader: e.currentTarget.value })}
              disabled={!editable}
            />
            <Select
              label="Audience"
              data={viewOptions}
              value={current.viewId ?? ""}
              onChange={(value) => set({ viewId: value || null })}
              disabled={!editable}
              allowDeselect={false}
            />
            {editable && id && audience.data ? (
              <Text size="sm" data-testid="audience-count">
                <b>{audience.data.recipients.toLocaleString()}</b> would receive it now; left out:{" "}
                {audience.data.noConsent.toLocaleString()} without consent, {audience.data.noEmail.toLocaleString()}{" "}
                without an e-mail, {audience.data.suppressed.toLocaleString()} suppressed.
              </Text>
            ) : null}
            <Textarea
              label="HTML"
              description='Personalise with Liquid, e.g. {{ customer.base.firstName | default: "there" }}'
              value={current.html}
              onChange={(e) => set({ html: e.currentTarget.value })}
              disabled={!editable}
              autosize
              minRows={10}
              maxRows={24}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
            />
            {id && canWrite ? (
              <Group align="flex-end">
                <TextInput
                  label="Send a test to"
                  placeholder="you@example.com"
                  value={testTo}
                  onChange={(e) => setTestTo(e.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <Button
                  variant="light"
                  loading={test.isPending}
                  onClick={() =>
                    test.mutate(
                      { id, to: testTo, customerId: asCustomer.trim() || null },
                      {
                        onSuccess: (r) =>
                          notifySuccess(
                            r.transport === "SANDBOX" ? "Test stored in the sandbox outbox." : "Test sent.",
                          ),
                        onError: (error) => notifyError(error, "The test was not sent"),
                      },
                    )
                  }
                >
                  Send test
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" mb="sm">
              <SegmentedControl
                value={device}
                onChange={setDevice}
                data={[
                  { value: "desktop", label: "Desktop" },
                  { value: "mobile", label: "Phone" },
                ]}
              />
              <TextInput
                placeholder="Preview as customer id (default: a sample)"
                value={asCustomer}
                onChange={(e) => setAsCustomer(e.currentTarget.value)}
                w={280}
                aria-label="Preview as customer"
              />
            </Group>
            {preview.error ? (
              <Alert color="red" variant="light" mb="sm" title="Template error">
                {errorMessage(preview.error)}
              </Alert>
            ) : null}
            <Text size="sm" mb="xs">
              <b>Subject</b> {preview.data?.subject ?? ""}
            </Text>
            <iframe
              title="Preview"
              srcDoc={preview.data?.html ?? ""}
              sandbox=""
              style={{
                width: device === "mobile" ? 375 : "100%",
                maxWidth: "100%",
                height: 560,
                border: "1px solid var(--mantine-color-default-border)",
                background: "#fff",
                display: "block",
                margin: "0 auto",
              }}
            />
          </Paper>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
