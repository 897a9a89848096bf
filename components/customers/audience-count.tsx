// An audience size as text: "1,204 customers", or "about 1,200,000 customers" with how it was estimated
// (a tooltip and the accessible description say so). While a newer count loads the old one stays, dimmed.
import { Group, Loader, Text, Tooltip } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { CustomerCount } from "@/lib/schemas/customers";
import { formatAudience } from "./use-audience-count";

export const ESTIMATE_NOTE =
  "Estimated by PostgreSQL's query planner: an exact count of this audience would take more than 1.5 seconds.";

export interface AudienceCountProps {
  query: Pick<UseQueryResult<CustomerCount>, "data" | "isFetching" | "isError" | "isPlaceholderData">;
  /** Text before the number, e.g. "Audience:" */
  label?: string;
  size?: "xs" | "sm" | "md";
  testId?: string;
}

export function AudienceCount({ query, label, size = "sm", testId }: AudienceCountProps) {
  const { data } = query;
  if (!data) {
    if (query.isError)
      return (
        <Text size={size} c="dimmed" data-testid={testId}>
          {label ? `${label} ` : ""}count unavailable
        </Text>
      );
    return (
      <Group gap={6} data-testid={testId} aria-busy>
        {label ? <Text size={size}>{label}</Text> : null}
        <Loader size={12} aria-label="Counting customers" />
      </Group>
    );
  }
  const text = (
    <Text
      size={size}
      fw={600}
      span
      data-testid={testId}
      data-count={data.count}
      data-method={data.method}
      style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}
      aria-live="polite"
    >
      {label ? `${label} ` : ""}
      {formatAudience(data)}
      {data.exact ? "" : " (estimated)"}
    </Text>
  );
  return data.exact ? (
    text
  ) : (
    <Tooltip label={ESTIMATE_NOTE} multiline w={280}>
      {text}
    </Tooltip>
  );
}
