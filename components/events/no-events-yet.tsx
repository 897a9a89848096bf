// The events screen of a workspace that has none: the ways events arrive, with a way to the sources
// screen for admins only (it is theirs alone) and the API reference for everyone.
import { IconTimeline } from "@tabler/icons-react";
import { SetUpSourceButton } from "@/components/sources/set-up-source-button";
import { ApiReferenceButton } from "@/components/ui/api-reference-button";
import { EmptyState } from "@/components/ui/empty-state";
import { usePermissions } from "@/lib/client/use-permissions";

export function NoEventsYet() {
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
          {canAdmin ? <SetUpSourceButton /> : null}
          <ApiReferenceButton />
        </>
      }
    />
  );
}
