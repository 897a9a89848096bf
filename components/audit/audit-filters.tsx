// Audit log filters: who (a member or API client of the workspace), what (an action or a resource prefix
// such as "customer"), and when.
import { Autocomplete, Button, Group, Select } from "@mantine/core";
import { IconFilterOff } from "@tabler/icons-react";
import { useMemo } from "react";
import { useApiClients } from "@/components/api-clients/use-api-clients";
import { ANY_TIME, type DateRangeValue } from "@/components/ui/date-range";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import { useMembers } from "@/components/members/use-members";
import { AUDIT_ACTION_PATTERN, AUDIT_ACTION_SUGGESTIONS, AUDIT_RESOURCE_SUGGESTIONS } from "./audit-format";

export interface AuditFilterValue {
  actor: string | null;
  /** As typed; only sent when it is a valid dotted name. */
  action: string;
  range: DateRangeValue;
}

export const NO_AUDIT_FILTERS: AuditFilterValue = { actor: null, action: "", range: ANY_TIME };

export function auditActionError(action: string): string | null {
  const text = action.trim();
  return text && !AUDIT_ACTION_PATTERN.test(text)
    ? "Use an action such as customer.erased, or a prefix such as customer"
    : null;
}

const ACTION_OPTIONS = [
  { group: "Everything about", items: [...AUDIT_RESOURCE_SUGGESTIONS] },
  { group: "Actions", items: [...AUDIT_ACTION_SUGGESTIONS] },
];

export function AuditFilters({
  ws,
  value,
  onChange,
}: {
  ws: string;
  value: AuditFilterValue;
  onChange: (value: AuditFilterValue) => void;
}) {
  const members = useMembers(ws);
  const clients = useApiClients(ws);
  const actorOptions = useMemo(
    () => [
      {
        group: "Members",
        items: (members.data ?? []).map((member) => ({
          value: member.user.id,
          label: member.user.name ?? member.user.email,
        })),
      },
      { group: "API clients", items: (clients.data ?? []).map((client) => ({ value: client.id, label: client.name })) },
    ],
    [members.data, clients.data],
  );
  const filtered = value.actor !== null || value.action.trim() !== "" || value.range.preset !== "any";

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter the audit log">
      <Select
        label="Who"
        placeholder="Anyone"
        data={actorOptions}
        value={value.actor}
        onChange={(actor) => onChange({ ...value, actor })}
        searchable
        clearable
        nothingFoundMessage="No member or API client by that name"
        w={240}
        comboboxProps={{ withinPortal: true }}
      />
      <Autocomplete
        label="Action"
        placeholder="Any action"
        data={ACTION_OPTIONS}
        value={value.action}
        onChange={(action) => onChange({ ...value, action })}
        error={auditActionError(value.action)}
        limit={40}
        w={260}
        comboboxProps={{ withinPortal: true }}
      />
      <DateRangeFilter value={value.range} onChange={(range) => onChange({ ...value, range })} />
      {filtered ? (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange(NO_AUDIT_FILTERS)}
        >
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
