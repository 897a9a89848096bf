// The admin app's screens by path. Every path here is served by app/(admin)/[[...path]]/page.tsx.
// Screens live under the workspace they show: /w/<slug>/customers, /w/<slug>/settings/members. Inside
// them, use useCurrentWorkspace() for the workspace id and useWorkspacePath() to build links.
import { Navigate, Route, Routes } from "react-router";
import { ApiClientsScreen } from "@/components/api-clients/api-clients-screen";
import { AutomationsScreen } from "@/components/automations/automations-screen";
import { WebhooksScreen } from "@/components/webhooks/webhooks-screen";
import { AuditLogScreen } from "@/components/audit/audit-log-screen";
import { CustomerScreen } from "@/components/customers/customer-screen";
import { CustomersScreen } from "@/components/customers/customers-screen";
import { ImportScreen } from "@/components/imports/import-screen";
import { EventsScreen } from "@/components/events/events-screen";
import { IdentityRulesScreen } from "@/components/identity-rules/identity-rules-screen";
import { MembersScreen } from "@/components/members/members-screen";
import { DashboardScreen } from "@/components/reports/dashboard-screen";
import { SchemaScreen } from "@/components/schema/schema-screen";
import { SettingsLayout } from "@/components/settings/settings-layout";
import { SourcesScreen } from "@/components/sources/sources-screen";
import { ViewsScreen } from "@/components/views/views-screen";
import { CampaignScreen } from "@/components/send/campaign-screen";
import { CampaignsScreen } from "@/components/send/campaigns-screen";
import { OutboxScreen } from "@/components/send/outbox-screen";
import { WorkspaceSettingsScreen } from "@/components/workspaces/workspace-settings-screen";
import { AppShell } from "./app-shell";
import { NotFoundScreen } from "./not-found-screen";
import { OpenWorkspace } from "./open-workspace";
import { SessionGate } from "./session-gate";
import { WorkspaceScope } from "./workspace-scope";

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SessionGate />}>
        <Route path="w/:ws" element={<WorkspaceScope />}>
          <Route element={<AppShell />}>
            {/* The dashboard is the workspace's home. */}
            <Route index element={<Navigate to="dashboard" replace />} />
            <Route path="dashboard" element={<DashboardScreen />} />
            <Route path="customers" element={<CustomersScreen />} />
            <Route path="customers/import" element={<ImportScreen />} />
            <Route path="customers/:id" element={<CustomerScreen />} />
            <Route path="events" element={<EventsScreen />} />
            <Route path="views" element={<ViewsScreen />} />
            <Route path="campaigns" element={<CampaignsScreen />} />
            <Route path="campaigns/outbox" element={<OutboxScreen />} />
            <Route path="campaigns/:id" element={<CampaignScreen />} />
            {/* The dashboard's first address, kept for links to it. */}
            <Route path="reports" element={<Navigate to="../dashboard" replace />} />
            <Route path="settings" element={<SettingsLayout />}>
              <Route index element={<Navigate to="workspace" replace />} />
              <Route path="workspace" element={<WorkspaceSettingsScreen />} />
              <Route path="members" element={<MembersScreen />} />
              <Route path="api-clients" element={<ApiClientsScreen />} />
              <Route path="webhooks" element={<WebhooksScreen />} />
              <Route path="automations" element={<AutomationsScreen />} />
              <Route path="sources" element={<SourcesScreen />} />
              <Route path="schema" element={<SchemaScreen />} />
              <Route path="identity-rules" element={<IdentityRulesScreen />} />
              <Route path="audit-log" element={<AuditLogScreen />} />
              <Route path="*" element={<NotFoundScreen />} />
            </Route>
            <Route path="*" element={<NotFoundScreen />} />
          </Route>
        </Route>
        {/* "/" and paths without a workspace (old bookmarks): the last used workspace, or "create one". */}
        <Route index element={<OpenWorkspace />} />
        <Route path="*" element={<OpenWorkspace />} />
      </Route>
    </Routes>
  );
}
