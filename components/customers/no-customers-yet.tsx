// The explorer of an empty workspace: how customers get here, naming only what this member can do —
// "New customer" and the CSV import for those who write, a source for admins (the sources screen is
// theirs alone), the API reference for everyone.
import { Button } from "@mantine/core";
import { IconFileTypeCsv, IconUsers } from "@tabler/icons-react";
import { Link } from "react-router";
import { SetUpSourceButton } from "@/components/sources/set-up-source-button";
import { ApiReferenceButton } from "@/components/ui/api-reference-button";
import { EmptyState } from "@/components/ui/empty-state";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";

const ONCE = "Each person appears here once, however many identities they arrive with.";

export function NoCustomersYet() {
  const toScreen = useWorkspacePath();
  const { canWrite, canAdmin } = usePermissions();
  const description = canWrite
    ? `Add a customer with New customer, import a CSV file, or send profiles through the API${
        canAdmin ? " or from a web site, app or shop set up as a source" : ""
      }. ${ONCE}`
    : `Customers appear here when members add or import them, or when your systems send them through the API or a source. ${ONCE}`;
  return (
    <EmptyState
      icon={IconUsers}
      title="No customers yet"
      description={description}
      actions={
        <>
          {canWrite ? (
            <Button component={Link} to={toScreen("/customers/import")} leftSection={<IconFileTypeCsv size={16} />}>
              Import a CSV file
            </Button>
          ) : null}
          {canAdmin ? <SetUpSourceButton variant="default" /> : null}
          <ApiReferenceButton />
        </>
      }
    />
  );
}
