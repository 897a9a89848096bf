// A campaign's status as a coloured badge, the same everywhere it shows.
import { Badge } from "@mantine/core";
import type { CampaignStatus } from "@/lib/schemas/send";

const COLORS: Record<CampaignStatus, string> = {
  DRAFT: "gray",
  SCHEDULED: "violet",
  SENDING: "blue",
  SENT: "teal",
  CANCELLED: "orange",
  FAILED: "red",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge variant="light" color={COLORS[status]}>
      {status.toLowerCase()}
    </Badge>
  );
}
