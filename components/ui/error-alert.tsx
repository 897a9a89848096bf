// What a screen shows when its data could not be loaded: the API's explanation, the request id to quote
// to whoever runs Atrium (it finds the server's log line), and a Retry button — never a dead end.
import { Alert, Button, Code, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/client/api-client";
import { errorMessage } from "./notify";

export interface ErrorAlertProps {
  title: string;
  error: unknown;
  /** Loads again; usually a query's refetch. */
  onRetry?: () => unknown;
  retrying?: boolean;
  /** Shown instead of the error's own message (e.g. several field errors). */
  children?: ReactNode;
  mb?: string;
}

/** The request id of a failed API call, when the server named one. */
export function requestIdOf(error: unknown): string | null {
  return error instanceof ApiError && error.problem.requestId ? error.problem.requestId : null;
}

export function ErrorAlert({ title, error, onRetry, retrying, children, mb }: ErrorAlertProps) {
  const requestId = requestIdOf(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} mb={mb}>
      {children ?? <Text size="sm">{errorMessage(error)}</Text>}
      <Group gap="sm" mt="xs" justify="space-between" wrap="wrap">
        {requestId ? (
          <Text size="xs" data-testid="error-request-id">
            Request id <Code>{requestId}</Code>
          </Text>
        ) : (
          <span />
        )}
        {onRetry ? (
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconRefresh size={14} />}
            loading={retrying}
            onClick={() => void onRetry()}
          >
            Retry
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
