// The admin app's TanStack Query client: what is retried, and a 401 from any call sends the user to sign in.
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
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

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signInWhenUnauthenticated }),
    mutationCache: new MutationCache({ onError: signInWhenUnauthenticated }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
