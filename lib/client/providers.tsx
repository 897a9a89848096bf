"use client";
// Everything the admin app's screens rely on: server state (TanStack Query), the component library and
// its notifications (Mantine), and client-side routing (react-router).
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { BrowserRouter } from "react-router";
import { cssVariablesResolver, theme } from "@/components/ui/theme";
import { ApiError } from "./api-client";
import { isUnauthenticated, redirectToSignIn } from "./sign-in-redirect";

/** Retrying cannot fix a request the server rejected (4xx), only transient failures. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) return false;
  return failureCount < 2;
}

/** A 401 from any call means the session is gone (expired, signed out in another tab): sign in again. */
function signInWhenUnauthenticated(error: unknown): void {
  if (isUnauthenticated(error)) redirectToSignIn();
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signInWhenUnauthenticated }),
    mutationCache: new MutationCache({ onError: signInWhenUnauthenticated }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

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
