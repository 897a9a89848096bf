// /campaigns — the workspace's e-mail campaigns with status and figures, and the way to a new one.
import { Alert, Anchor, Button, Group, Paper, Progress, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconFlask, IconMailPlus, IconSend } from "@tabler/icons-react";
import { Link } from "react-router";
import { formatTimestamp } from "@/components/customers/customer-columns";
import { ErrorAlert } from "@/components/ui/error-alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace, useWorkspacePath } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import type { Campaign } from "@/lib/schemas/send";
import { CampaignStatusBadge } from "./campaign-status";
import { useCampaigns } from "./use-campaigns";

function share(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)} %` : "—";
}

function Figures({ campaign }: { campaign: Campaign }) {
  const { progress } = campaign;
  if (campaign.status === "DRAFT") return <Text c="dimmed">Not sent</Text>;
  const done = progress.total - progress.pending;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={progress.total ? (done / progress.total) * 100 : 0} w={80} size="sm" aria-label="Progress" />
      <Text size="sm">
        {progress.sent.toLocaleString()} / {progress.total.toLocaleString()} sent
      </Text>
    </Group>
  );
}

/** On a phone: one card per campaign instead of a table to scroll sideways. */
function CampaignCards({ campaigns }: { campaigns: Campaign[] }) {
  const toScreen = useWorkspacePath();
  return (
    <Stack gap="sm" aria-label="Campaigns" role="list">
      {campaigns.map((campaign) => (
        <Paper key={campaign.id} withBorder radius="md" p="sm" role="listitem">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={toScreen(`/campaigns/${campaign.id}`)} fw={550}>
                {campaign.name}
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {campaign.subject}
              </Text>
            </div>
            <CampaignStatusBadge status={campaign.status} />
          </Group>
          <Group mt="xs" justify="space-between">
            <Figures campaign={campaign} />
            <Text size="xs" c="dimmed">
              Bounced {share(campaign.progress.bounced, campaign.progress.total)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {campaign.audience ? `${campaign.audience.recipients.toLocaleString()} recipients · ` : ""}
            Updated {formatTimestamp(campaign.updatedAt)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

export function CampaignsScreen() {
  const phone = useMediaQuery("(max-width: 36em)");
  const ws = useCurrentWorkspace().workspace.id;
  const toScreen = useWorkspacePath();
  const { canWrite } = usePermissions();
  const campaigns = useCampaigns(ws);

  let content;
  if (campaigns.isPending) content = <Skeleton height={160} radius="md" />;
  else if (campaigns.error)
    content = (
      <ErrorAlert
        title="The campaigns could not be loaded"
        error={campaigns.error}
        onRetry={campaigns.refetch}
        retrying={campaigns.isFetching}
      />
    );
  else if (campaigns.data.length === 0) {
    content = (
      <EmptyState
        icon={IconSend}
        title="No campaigns yet"
        description="A campaign sends one personalised e-mail to a view's customers — only to those who agreed to e-mail marketing, with an unsubscribe link in every message."
        actions={
          canWrite ? (
            <Button component={Link} to={toScreen("/campaigns/new")} leftSection={<IconMailPlus size={16} />}>
              New campaign
            </Button>
          ) : null
        }
      />
    );
  } else if (phone) {
    content = <CampaignCards campaigns={campaigns.data} />;
  } else {
    content = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" highlightOnHover aria-label="Campaigns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Recipients</Table.Th>
                <Table.Th>Bounced</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.data.map((campaign) => (
                <Table.Tr key={campaign.id}>
                  <Table.Td>
                    <Anchor component={Link} to={toScreen(`/campaigns/${campaign.id}`)} fw={550}>
                      {campaign.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {campaign.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <CampaignStatusBadge status={campaign.status} />
                  </Table.Td>
                  <Table.Td>
                    <Figures campaign={campaign} />
                  </Table.Td>
                  <Table.Td>{campaign.audience ? campaign.audience.recipients.toLocaleString() : "—"}</Table.Td>
                  <Table.Td>{share(campaign.progress.bounced, campaign.progress.total)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatTimestamp(campaign.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  return (
    <Page
      title="Campaigns"
      description="E-mail campaigns to your views. Only customers who agreed to e-mail marketing and are not suppressed receive them."
      actions={
        <Group gap="sm">
          <Button
            component={Link}
            to={toScreen("/campaigns/outbox")}
            variant="default"
            leftSection={<IconFlask size={16} />}
          >
            Sandbox outbox
          </Button>
          {canWrite ? (
            <Button component={Link} to={toScreen("/campaigns/new")} leftSection={<IconMailPlus size={16} />}>
              New campaign
            </Button>
          ) : null}
        </Group>
      }
    >
      {content}
      <Alert mt="md" variant="light" color="gray" title="Consent by construction">
        Recipients are chosen when a campaign starts: customers of its view with marketing e-mail consent granted, an
        e-mail address, and no bounce, complaint, unsubscribe or erasure on record.
      </Alert>
    </Page>
  );
}
