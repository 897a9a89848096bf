// /customers — the customer explorer. The list, search and filters arrive with the customers API.
import { Button } from "@mantine/core";
import { IconBook2, IconPlugConnected, IconUsers } from "@tabler/icons-react";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function CustomersScreen() {
  return (
    <Page
      title="Customers"
      description="Every person your brand knows, with one consent-aware profile per real person across all your sources."
    >
      <EmptyState
        icon={IconUsers}
        title="No customers yet"
        description="Send profiles through the API or connect a source such as your shop, CRM or web site. Each person appears here once, however many identities they arrive with."
        actions={
          <>
            <Button component={Link} to="/settings/sources" leftSection={<IconPlugConnected size={16} />}>
              Set up a source
            </Button>
            <Button component="a" href="/docs/api" target="_blank" variant="default" leftSection={<IconBook2 size={16} />}>
              API reference
            </Button>
          </>
        }
      />
    </Page>
  );
}
