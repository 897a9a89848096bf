// The command palette (Ctrl+K or ⌘K, or the header's search button): type to jump to a customer (by
// name, e-mail, external id or a pasted id, through the customers API), a saved view or a screen. Built
// on Mantine's Modal as an ARIA combobox: the input owns a listbox, arrow keys move the active option
// (aria-activedescendant), Enter opens it, Esc closes.
import { Box, Group, Kbd, Loader, Modal, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useDebouncedValue, useHotkeys } from "@mantine/hooks";
import { IconSearch, IconUser } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { useNavigate } from "react-router";
import { customerName, customerSubtitle } from "@/components/customers/customer-display";
import { useViews } from "@/components/views/use-views";
import { callEndpoint } from "@/lib/client/api-client";
import { useCurrentWorkspace, useWorkspacePath } from "@/lib/client/current-workspace";
import { queryKeys } from "@/lib/client/query-keys";
import { listCustomersEndpoint } from "@/lib/schemas/customers";
import {
  customerIdItem,
  isCustomerIdQuery,
  screenItems,
  viewItems,
  type PaletteGroup,
  type PaletteItem,
} from "./palette-items";

const GROUPS: readonly PaletteGroup[] = ["Customers", "Views", "Screens"];
const CUSTOMER_LIMIT = 6;

function useCustomerMatches(ws: string, query: string, enabled: boolean) {
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const searchable = enabled && debounced.length >= 2 && !isCustomerIdQuery(debounced);
  return useQuery({
    queryKey: queryKeys.customers.list(ws, { palette: debounced }),
    queryFn: ({ signal }) =>
      callEndpoint(
        listCustomersEndpoint,
        { params: { ws }, query: { q: debounced, limit: CUSTOMER_LIMIT } },
        { signal },
      ),
    enabled: searchable,
    staleTime: 10_000,
  });
}

export function CommandPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const ws = useCurrentWorkspace().workspace.id;
  const toScreen = useWorkspacePath();
  const navigate = useNavigate();
  const listboxId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const views = useViews(ws);
  const customers = useCustomerMatches(ws, query, opened);

  const items = useMemo(() => {
    const found: PaletteItem[] = [];
    const byId = customerIdItem(query);
    if (byId) found.push(byId);
    else if (query.trim().length >= 2) {
      for (const customer of customers.data?.data ?? []) {
        found.push({
          id: `customer:${customer.id}`,
          group: "Customers",
          label: customerName(customer),
          description: customerSubtitle(customer) || undefined,
          to: `/customers/${customer.id}`,
          icon: IconUser,
        });
      }
    }
    found.push(...viewItems(views.data ?? [], query), ...screenItems(query));
    return found;
  }, [query, customers.data, views.data]);

  const current = items.length === 0 ? -1 : Math.min(active, items.length - 1);
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    navigate(toScreen(item.to));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (items.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current < 0 ? 0 : current + step + items.length) % items.length);
      document.getElementById(optionId((current + step + items.length) % items.length))?.scrollIntoView({
        block: "nearest",
      });
    } else if (event.key === "Home" || event.key === "End") {
      if (items.length === 0) return;
      event.preventDefault();
      setActive(event.key === "Home" ? 0 : items.length - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(items[current]);
    }
  };

  const searching = customers.isFetching && query.trim().length >= 2;
  const status = searching
    ? "Searching customers…"
    : items.length === 0
      ? "Nothing matches"
      : `${items.length} ${items.length === 1 ? "result" : "results"}`;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => {
        setQuery("");
        setActive(0);
      }}
      title="Go to…"
      size="lg"
      yOffset="10vh"
    >
      <TextInput
        data-autofocus
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="A customer's name, e-mail or id, a view, a screen"
        leftSection={<IconSearch size={16} />}
        rightSection={searching ? <Loader size="xs" /> : null}
        role="combobox"
        aria-label="Go to a customer, a view or a screen"
        aria-expanded={items.length > 0}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        autoComplete="off"
      />
      <Text size="xs" c="dimmed" mt={6} role="status" aria-live="polite">
        {status}
      </Text>
      <Box
        id={listboxId}
        role="listbox"
        aria-label="Results"
        mt="xs"
        mah="55vh"
        style={{ overflowY: "auto" }}
        data-testid="palette-results"
      >
        {GROUPS.map((group) => {
          const inGroup = items.map((item, index) => ({ item, index })).filter(({ item }) => item.group === group);
          if (inGroup.length === 0) return null;
          const headingId = `${listboxId}-${group}`;
          return (
            <Box key={group} role="group" aria-labelledby={headingId} mb="xs">
              <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" py={4}>
                {group}
              </Text>
              {inGroup.map(({ item, index }) => {
                const selected = index === current;
                const ItemIcon = item.icon;
                return (
                  <UnstyledButton
                    key={item.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={selected}
                    tabIndex={-1}
                    onMouseMove={() => setActive(index)}
                    onClick={() => choose(item)}
                    w="100%"
                    px="xs"
                    py={6}
                    style={{
                      borderRadius: "var(--mantine-radius-sm)",
                      background: selected ? "var(--mantine-color-default-hover)" : undefined,
                      outline: selected ? "2px solid var(--mantine-primary-color-filled)" : undefined,
                      outlineOffset: -2,
                    }}
                  >
                    <Group gap="sm" wrap="nowrap">
                      <ItemIcon size={18} stroke={1.6} aria-hidden />
                      <Box style={{ minWidth: 0 }}>
                        <Text size="sm" fw={500} truncate="end">
                          {item.label}
                        </Text>
                        {item.description ? (
                          <Text size="xs" c="dimmed" truncate="end">
                            {item.description}
                          </Text>
                        ) : null}
                      </Box>
                    </Group>
                  </UnstyledButton>
                );
              })}
            </Box>
          );
        })}
      </Box>
      <Group gap="md" mt="sm" visibleFrom="xs">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move · <Kbd size="xs">Enter</Kbd> open ·{" "}
          <Kbd size="xs">Esc</Kbd> close
        </Text>
      </Group>
    </Modal>
  );
}

/** The header's button, and Ctrl+K / ⌘K anywhere in the workspace. */
export function CommandPaletteButton() {
  const [opened, setOpened] = useState(false);
  useHotkeys([["mod+K", () => setOpened(true)]], []);
  return (
    <>
      <UnstyledButton
        onClick={() => setOpened(true)}
        aria-label="Go to… (Ctrl+K)"
        aria-keyshortcuts="Control+K Meta+K"
        px="sm"
        h={34}
        style={{
          border: "1px solid var(--mantine-color-default-border)",
          borderRadius: "var(--mantine-radius-md)",
          background: "var(--mantine-color-default)",
        }}
      >
        <Group gap={8} wrap="nowrap">
          <IconSearch size={16} stroke={1.6} aria-hidden />
          <Text size="sm" c="dimmed" visibleFrom="md">
            Go to…
          </Text>
          <Kbd size="xs" visibleFrom="md">
            Ctrl K
          </Kbd>
        </Group>
      </UnstyledButton>
      <CommandPalette opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
