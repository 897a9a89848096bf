// An admin path no screen matches (e.g. a stale bookmark).
import { Button } from "@mantine/core";
import { IconCompass } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";
import { useWorkspacePath } from "@/lib/client/current-workspace";

export function NotFoundScreen() {
  const toScreen = useWorkspacePath();
  return (
    <Page title="Page not found">
      <EmptyState
        icon={IconCompass}
        title="There is no page at this address"
        description="The link may be outdated or mistyped. Use the navigation menu, or go back to your customers."
        actions={
          <Button component={Link} to={toScreen("/customers")} variant="light">
            Go to customers
          </Button>
        }
      />
    </Page>
  );
}
