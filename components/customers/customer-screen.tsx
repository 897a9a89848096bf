// /customers/:id — one customer's profile, identities, events and consents.
import { Button, Code } from "@mantine/core";
import { IconArrowLeft, IconUserSearch } from "@tabler/icons-react";
import { Link, useParams } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function CustomerScreen() {
  const { id = "" } = useParams();
  return (
    <Page
      title="Customer"
      description={
        <>
          Profile, identities, events and consent history of customer <Code>{id}</Code>.
        </>
      }
      actions={
        <Button component={Link} to="/customers" variant="default" leftSection={<IconArrowLeft size={16} />}>
          All customers
        </Button>
      }
    >
      <EmptyState
        icon={IconUserSearch}
        title="No profile to show"
        description="This customer's profile could not be loaded here yet. Its base and extended properties, identities, events and consents will be shown on this page."
      />
    </Page>
  );
}
