// "Merge with…": find the duplicates of this customer, pick them, compare the profiles side by side and
// choose per field whose value survives, then merge them into it. Their identities, events and consents
// move to this profile; the merge history can undo it.
import { Button, Checkbox, Group, Loader, Modal, ScrollArea, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { IconArrowLeft, IconArrowRight, IconGitMerge, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { errorMessage } from "@/components/ui/notify";
import { ApiError, callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { listCustomersEndpoint, type Customer } from "@/lib/schemas/customers";
import type { MergeChoices } from "@/lib/schemas/merge-choices";
import { formatTimestamp } from "./customer-columns";
import { customerName, shortId } from "./customer-display";
import { usableSearch } from "./explorer-request";
import { MergeComparison } from "./merge-comparison";
import { rememberCustomerNames } from "./merge-names";
import { useMergeCustomers } from "./use-customer";
import { useMergePreview } from "./use-merge-preview";

export interface MergeCustomersModalProps {
  ws: string;
  customer: Customer;
  opened: boolean;
  onClose: () => void;
  onMerged: (survivor: Customer) => void;
}

/** What a duplicate most likely shares with this customer: their name, else their e-mail. */
export function duplicateSearch(customer: Pick<Customer, "base" | "externalId">): string {
  const name = [customer.base.firstName, customer.base.lastName].filter(Boolean).join(" ").trim();
  return name || customer.base.contacts?.email || customer.externalId || "";
}

function Candidate({
  candidate,
  checked,
  onToggle,
  error,
}: {
  candidate: Customer;
  checked: boolean;
  onToggle: () => void;
  error?: string;
}) {
  const details = [
    candidate.base.contacts?.email,
    candidate.base.contacts?.mobilePhone,
    candidate.externalId && `external id ${candidate.externalId}`,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <Checkbox
      checked={checked}
      onChange={onToggle}
      error={error}
      label={
        <Text size="sm" fw={550}>
          {customerName(candidate)}
        </Text>
      }
      description={`${details || "No contact details"} · created ${formatTimestamp(candidate.createdAt)} · ${shortId(candidate.id)}`}
    />
  );
}

export function MergeCustomersModal({ ws, customer, opened, onClose, onMerged }: MergeCustomersModalProps) {
  const [search, setSearch] = useState(() => duplicateSearch(customer));
  const [debounced] = useDebouncedValue(usableSearch(search), 300);
  const [picked, setPicked] = useState<Customer[]>([]);
  const [step, setStep] = useState<"pick" | "compare">("pick");
  const [choose, setChoose] = useState<MergeChoices>({});
  const merge = useMergeCustomers(ws, customer.id);
  const phone = useMediaQuery("(max-width: 48em)");
  const pickedIds = picked.map((candidate) => candidate.id);
  const preview = useMergePreview(ws, customer.id, pickedIds, choose, opened && step === "compare");

  const results = useQuery({
    queryKey: queryKeys.customers.list(ws, { kind: "list", q: debounced, limit: 20, purpose: "merge" }),
    queryFn: ({ signal }) =>
      callEndpoint(
        listCustomersEndpoint,
        { params: { ws }, query: { q: debounced || undefined, limit: 20 } },
        { signal },
      ),
    enabled: opened && step === "pick",
    placeholderData: keepPreviousData,
  });
  const candidates = (results.data?.data ?? []).filter((candidate) => candidate.id !== customer.id);
  // Picked customers stay listed even when a new search no longer finds them.
  const shown = [...picked, ...candidates.filter((candidate) => !picked.some((other) => other.id === candidate.id))];

  const close = () => {
    setPicked([]);
    setChoose({});
    setStep("pick");
    merge.reset();
    onClose();
  };
  const toggle = (candidate: Customer) => {
    // Choices name the picked customers: a new pick starts the comparison afresh.
    setChoose({});
    setPicked((current) =>
      current.some((other) => other.id === candidate.id)
        ? current.filter((other) => other.id !== candidate.id)
        : [...current, candidate],
    );
  };
  const submit = () =>
    merge.mutate(
      { customerIds: pickedIds, ...(Object.keys(choose).length > 0 ? { choose } : {}) },
      {
        onSuccess: (survivor) => {
          rememberCustomerNames(ws, picked);
          setPicked([]);
          setChoose({});
          setStep("pick");
          onMerged(survivor);
        },
      },
    );
  // A 422 names the bad id by its index in customerIds, which is its index in `picked`.
  const pickedError = (candidate: Customer) => {
    const index = picked.findIndex((other) => other.id === candidate.id);
    return index >= 0 && merge.error instanceof ApiError ? merge.error.fieldError(`customerIds.${index}`) : undefined;
  };
  const generalError =
    merge.error && !picked.some((candidate) => pickedError(candidate)) ? errorMessage(merge.error) : null;
  const count = `${picked.length} ${picked.length === 1 ? "profile" : "profiles"}`;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>Merge duplicates into {customerName(customer)}</Text>}
      size={step === "compare" ? "xl" : "lg"}
      fullScreen={phone && step === "compare"}
      centered
    >
      {step === "pick" ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Pick the profiles that are the same person. Next you compare them with this customer, which keeps its id,
            and choose which values to keep.
          </Text>
          <TextInput
            aria-label="Search for duplicates"
            placeholder="Search names, e-mail, phone, external id"
            leftSection={<IconSearch size={16} />}
            rightSection={results.isFetching ? <Loader size="xs" /> : null}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            data-autofocus
          />
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap="sm" py={4} aria-label="Candidates">
              {shown.length === 0 && results.isSuccess ? (
                <Text size="sm" c="dimmed">
                  No other customer matches this search.
                </Text>
              ) : null}
              {shown.map((candidate) => (
                <Candidate
                  key={candidate.id}
                  candidate={candidate}
                  checked={picked.some((other) => other.id === candidate.id)}
                  onToggle={() => toggle(candidate)}
                  error={pickedError(candidate)}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <FormActions
            pending={false}
            onCancel={close}
            onSubmit={() => {
              merge.reset();
              setStep("compare");
            }}
            submitIcon={<IconArrowRight size={16} />}
            submitDisabled={picked.length === 0}
            submitLabel={picked.length === 0 ? "Compare" : `Compare ${count}`}
          />
        </Stack>
      ) : (
        <Stack gap="md">
          <MergeComparison
            ws={ws}
            preview={preview.data}
            error={preview.error}
            fetching={preview.isFetching}
            choose={choose}
            onChoose={(path, customerId) => setChoose((current) => ({ ...current, [path]: customerId }))}
          />
          <Group justify="space-between" gap="sm">
            <Button
              variant="subtle"
              leftSection={<IconArrowLeft size={16} />}
              onClick={() => setStep("pick")}
              disabled={merge.isPending}
            >
              Back to the search
            </Button>
          </Group>
          <FormActions
            error={generalError}
            pending={merge.isPending}
            onCancel={close}
            onSubmit={submit}
            submitIcon={<IconGitMerge size={16} />}
            submitDisabled={!preview.data || preview.isFetching}
            submitLabel={`Merge ${count} into this customer`}
          />
        </Stack>
      )}
    </Modal>
  );
}
