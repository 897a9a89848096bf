// The events screen of a workspace that has none: the ways events arrive, with a way to the sources
// screen for admins only (it is theirs alone) and the API reference for everyone.
import { Button } from "@mantine/core";
import { IconBook2, IconPlugConnected, IconTimeline } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";

export function NoEventsYet() {
  const toScreen = useWorkspacePath();
  const { canAdmin } = usePermissions();
  return (
    <EmptyState
      icon={IconTimeline}
      title="No events yet"
      description={`Track events with Atrium's browser tracker, send them to the events API one by one or in batches, or ${
        canAdmin ? "connect" : "ask an admin to connect"
      } a Shopify or WooCommerce store as a source, whose orders then arrive as events. Each event is linked to a customer profile.`}
      actions={
        <>
          {canAdmin ? (
            <Button component={Link} to={toScreen("/settings/sources")} leftSection={<IconPlugConnected size={16} />}>
              Set up a source
            </Button>
          ) : null}
          <Button
            component="a"
            href="/docs/api"
            target="_blank"
            variant="default"
            leftSection={<IconBook2 size={16} />}
          >
            API reference
          </Button>
        </>
      }
    />
  );
}
