"use client";
// Everything the admin app's screens rely on: server state (TanStack Query), the component library and
// its notifications (Mantine), and client-side routing (react-router).
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { BrowserRouter } from "react-router";
import { cssVariablesResolver, theme } from "@/components/ui/theme";
import { createQueryClient } from "@/lib/client/query-client";

export function Providers({ children }: { children: ReactNode }) {
  // One client per mounted app, not per render.
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        <Notifications position="top-right" />
        <BrowserRouter>{children}</BrowserRouter>
      </MantineProvider>
    </QueryClientProvider>
  );
}
