// /reports — growth and composition of the customer base, event trends.
import { IconChartBar } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function ReportsScreen() {
  return (
    <Page
      title="Reports"
      description="How your customer base grows and what it is made of — by gender, age, country, source, consent and tag — and how events trend over time."
    >
      <EmptyState
        icon={IconChartBar}
        title="Nothing to report yet"
        description="Charts of new and total customers, their composition and event trends fill in as customers and events arrive, for the whole base or for one view."
      />
    </Page>
  );
}
