// /settings/identity-rules — how records are linked into one customer.
import { IconArrowsJoin } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function IdentityRulesScreen() {
  return (
    <Page
      order={2}
      title="Identity rules"
      description="Which identities — external id, e-mail, phone and more — link incoming records to one customer, and what happens when they match."
    >
      <EmptyState
        icon={IconArrowsJoin}
        title="Default rules apply"
        description="Until an admin changes them, a record that shares an external id or an e-mail address (ignoring case) with an existing customer is merged into that customer."
      />
    </Page>
  );
}
