// /views — saved filters over customers and their events.
import { IconFilter } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function ViewsScreen() {
  return (
    <Page
      title="Views"
      description="Saved slices of your customer base: a filter over customers and their events, the columns to show, and optional masking of personal data."
    >
      <EmptyState
        icon={IconFilter}
        title="No views yet"
        description="A view keeps a filter such as “ordered in the last 30 days and agreed to e-mail marketing” so you can reuse it in the explorer, in reports and through the API."
      />
    </Page>
  );
}
