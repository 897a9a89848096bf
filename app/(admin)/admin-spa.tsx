"use client";
// Loads the admin app in the browser only: BrowserRouter needs `window`, and the app's data all comes
// from /api/v1 after load, so there is nothing worth rendering on the server.
import dynamic from "next/dynamic";

const AdminApp = dynamic(() => import("@/components/layout/admin-app").then((m) => m.AdminApp), {
  ssr: false,
  // Plain markup: Mantine is not mounted yet. Same background as the shell, so loading does not flash.
  loading: () => <div style={{ minHeight: "100vh", background: "var(--mantine-color-body)" }} aria-busy="true" />,
});

export function AdminSpa() {
  return <AdminApp />;
}
