// The four numbers at the top of the dashboard: the size of the base, new customers against the previous
// period, the share e-mail marketing may reach, and events in the period against the previous one.
import { Badge, Group, Paper, SimpleGrid, Skeleton, Text, ThemeIcon, Tooltip } from "@mantine/core";
import {
  IconArrowDownRight,
  IconArrowUpRight,
  IconMail,
  IconTimeline,
  IconUserPlus,
  IconUsers,
  type Icon,
} from "@tabler/icons-react";
import { useId, type ReactNode } from "react";
import { formatPercentChange, formatShare, percentChange } from "./report-figures";
import { formatCount } from "./report-labels";

export interface Figure {
  value: number | null;
  /** Null while loading or when that report failed. */
  loading: boolean;
}

export interface HeadlineFiguresProps {
  customers: Figure;
  /** The day whose end the customer count and the reachable share are for ("30 Nov 2026"), when it is not today. */
  periodEnd: string | null;
  /** Reporting on a saved view rather than the whole base. */
  inView: boolean;
  newCustomers: Figure;
  previousNewCustomers: Figure;
  /** Customers with e-mail marketing consent granted, of `consentBase` customers (at the end of `periodEnd`). */
  emailReachable: Figure;
  consentBase: Figure;
  events: Figure;
  previousEvents: Figure;
  /** "the previous 30 days", for the comparison's wording. */
  previousLabel: string;
}

function ChangeBadge({
  current,
  previous,
  previousLabel,
}: {
  current: number;
  previous: number;
  previousLabel: string;
}) {
  const change = percentChange(current, previous);
  if (change === null) {
    return (
      <Text size="xs" c="dimmed">
        none in {previousLabel}
      </Text>
    );
  }
  const up = change > 0;
  const flat = Math.round(change * 10) === 0;
  return (
    <Group gap={6} wrap="wrap">
      <Badge
        style={{ flexShrink: 0 }}
        variant="light"
        color={flat ? "gray" : up ? "teal" : "red"}
        size="sm"
        leftSection={
          flat ? null : up ? <IconArrowUpRight size={12} aria-hidden /> : <IconArrowDownRight size={12} aria-hidden />
        }
      >
        {formatPercentChange(change)}
      </Badge>
      <Text size="xs" c="dimmed">
        vs {formatCount(previous)} in {previousLabel}
      </Text>
    </Group>
  );
}

function FigureCard({
  label,
  icon: IconComponent,
  value,
  loading,
  children,
}: {
  label: string;
  icon: Icon;
  value: string | null;
  loading: boolean;
  children?: ReactNode;
}) {
  const labelId = useId();
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={labelId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text id={labelId} size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        <ThemeIcon variant="light" radius="md" size={32}>
          <IconComponent size={18} stroke={1.6} />
        </ThemeIcon>
      </Group>
      {loading ? (
        <Skeleton height={30} width="60%" mt={6} />
      ) : (
        <Text fz={28} fw={700} lh={1.2} mt={4} data-testid="figure-value">
          {value ?? "—"}
        </Text>
      )}
      <Group mt={6} mih={22}>
        {loading ? <Skeleton height={14} width="80%" /> : children}
      </Group>
    </Paper>
  );
}

export function HeadlineFigures(props: HeadlineFiguresProps) {
  const {
    customers,
    periodEnd,
    inView,
    newCustomers,
    previousNewCustomers,
    emailReachable,
    consentBase,
    events,
    previousEvents,
    previousLabel,
  } = props;
  const share =
    emailReachable.value !== null && consentBase.value ? (emailReachable.value / consentBase.value) * 100 : null;
  const number = (figure: Figure) => (figure.value === null ? null : formatCount(figure.value));

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <FigureCard label="Customers" icon={IconUsers} value={number(customers)} loading={customers.loading}>
        <Text size="xs" c="dimmed">
          {periodEnd ? `at the end of ${periodEnd}` : inView ? "in this view today" : "in the base today"}
        </Text>
      </FigureCard>
      <FigureCard
        label="New customers"
        icon={IconUserPlus}
        value={number(newCustomers)}
        loading={newCustomers.loading || previousNewCustomers.loading}
      >
        {newCustomers.value !== null && previousNewCustomers.value !== null ? (
          <ChangeBadge
            current={newCustomers.value}
            previous={previousNewCustomers.value}
            previousLabel={previousLabel}
          />
        ) : null}
      </FigureCard>
      <FigureCard
        label="Reachable by e-mail"
        icon={IconMail}
        value={share === null ? (consentBase.value === 0 ? "—" : null) : formatShare(share)}
        loading={emailReachable.loading || consentBase.loading}
      >
        <Tooltip
          label={
            periodEnd
              ? `Customers who had granted the marketing.automatic.email consent at the end of ${periodEnd}, by the consent registry, of the ${inView ? "view's " : ""}customers of today created by then`
              : "Customers who granted the marketing.automatic.email consent"
          }
          multiline
          w={260}
        >
          <Text size="xs" c="dimmed">
            {emailReachable.value === null || consentBase.value === null
              ? ""
              : consentBase.value === 0
                ? "no customers yet"
                : `${formatCount(emailReachable.value)} of ${formatCount(consentBase.value)} agreed to marketing e-mails, ${periodEnd ? `at the end of ${periodEnd}` : "as of today"}`}
          </Text>
        </Tooltip>
      </FigureCard>
      <FigureCard
        label="Events"
        icon={IconTimeline}
        value={number(events)}
        loading={events.loading || previousEvents.loading}
      >
        {events.value !== null && previousEvents.value !== null ? (
          <ChangeBadge current={events.value} previous={previousEvents.value} previousLabel={previousLabel} />
        ) : null}
      </FigureCard>
    </SimpleGrid>
  );
}
