// The workspace's settings form. Only changed fields are sent (PATCH), so a save never overwrites a
// change someone else made to another field in the meantime.
import { Radio, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { SaveChangesActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { errorMessage, notifySuccess } from "@/components/ui/notify";
import { ApiError } from "@/lib/client/api-client";
import type { Workspace, WorkspaceUpdate } from "@/lib/schemas/workspaces";
import { useUpdateWorkspace } from "./use-workspace-mutations";
import { currencyOptions, timeZoneOptions } from "./zone-options";

const TEXT_FIELDS = ["name", "slug", "timezone", "currency"] as const;
const FIELDS = [...TEXT_FIELDS, "unmappedTrackEvents"] as const;
type Values = Pick<Workspace, (typeof FIELDS)[number]>;

function changedFields(saved: Values, edited: Values): WorkspaceUpdate {
  const changes: WorkspaceUpdate = {};
  for (const field of TEXT_FIELDS) if (edited[field].trim() !== saved[field]) changes[field] = edited[field].trim();
  if (edited.unmappedTrackEvents !== saved.unmappedTrackEvents)
    changes.unmappedTrackEvents = edited.unmappedTrackEvents;
  return changes;
}

const savedValues = ({ name, slug, timezone, currency, unmappedTrackEvents }: Workspace): Values => ({
  name,
  slug,
  timezone,
  currency,
  unmappedTrackEvents,
});

const isUnmappedTrackEvents = (value: string): value is Values["unmappedTrackEvents"] =>
  value === "generic" || value === "reject";

export function WorkspaceForm({
  workspace,
  readOnly,
  screen,
}: {
  workspace: Workspace;
  readOnly: boolean;
  screen: string;
}) {
  const [values, setValues] = useState<Values>(() => savedValues(workspace));
  const update = useUpdateWorkspace(workspace.id, screen);
  const zones = useMemo(() => timeZoneOptions([workspace.timezone]), [workspace.timezone]);
  const currencies = useMemo(() => currencyOptions([workspace.currency]), [workspace.currency]);
  const changes = changedFields(workspace, values);
  const dirty = Object.keys(changes).length > 0;
  const set = (field: keyof Values) => (value: string | null) => setValues((v) => ({ ...v, [field]: value ?? "" }));

  // A 409 is the one conflict an update can have: the slug is taken. It belongs next to the slug.
  const slugTaken =
    update.error instanceof ApiError && update.error.status === 409 ? errorMessage(update.error) : undefined;
  const general = slugTaken ? undefined : formError(update.error, FIELDS);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!readOnly && dirty) update.mutate(changes, { onSuccess: () => notifySuccess("Workspace settings saved.") });
      }}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Name"
            description="How the workspace is shown to its members."
            required
            readOnly={readOnly}
            value={values.name}
            onChange={(event) => set("name")(event.currentTarget.value)}
            error={fieldError(update.error, "name")}
          />
          <TextInput
            label="Slug"
            description="Part of this workspace's addresses in Atrium (/w/slug/…)."
            required
            readOnly={readOnly}
            value={values.slug}
            onChange={(event) => set("slug")(event.currentTarget.value)}
            error={fieldError(update.error, "slug") ?? slugTaken}
          />
          <Select
            label="Time zone"
            description="Reports count days in this zone."
            data={zones}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No such time zone"
            readOnly={readOnly}
            value={values.timezone}
            onChange={set("timezone")}
            error={fieldError(update.error, "timezone")}
          />
          <Select
            label="Currency"
            description="Order values without a currency are in this one."
            data={currencies}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No such currency"
            readOnly={readOnly}
            value={values.currency}
            onChange={set("currency")}
            error={fieldError(update.error, "currency")}
          />
        </SimpleGrid>
        {/* The tracking API (/v1, Segment's libraries) maps spec names such as "Order Completed" to standard
            types; this decides the fate of the other names (docs/tracking.md, Mapping). */}
        <Radio.Group
          label="Track events without a standard type"
          description='Names sent to the tracking API (Segment libraries, the Atrium tracker) that are not in the standard catalogue, such as "Coupon Shared".'
          value={values.unmappedTrackEvents}
          onChange={(value) => {
            if (!readOnly && isUnmappedTrackEvents(value)) setValues((v) => ({ ...v, unmappedTrackEvents: value }));
          }}
          error={fieldError(update.error, "unmappedTrackEvents")}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="generic"
              disabled={readOnly}
              label="Keep as custom events"
              description="Stored as a generic custom event that keeps the original name (default)."
            />
            <Radio
              value="reject"
              disabled={readOnly}
              label="Reject them"
              description="Refused one by one and counted as rejected in the answer; the rest of a batch is stored."
            />
          </Stack>
        </Radio.Group>
        <SaveChangesActions
          error={general}
          readOnly={readOnly}
          dirty={dirty}
          pending={update.isPending}
          onDiscard={() => setValues(savedValues(workspace))}
        />
      </Stack>
    </form>
  );
}
