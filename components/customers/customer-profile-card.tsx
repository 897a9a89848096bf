// The profile at a glance: who the person is and how to reach them, from the standard `base` fields.
import { Anchor, Avatar, DataList, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { Customer } from "@/lib/schemas/customers";
import { countryName } from "@/components/filters/country-codes";
import { humanize } from "@/components/filters/filter-fields";
import { formatDate } from "./customer-columns";
import { customerName } from "./customer-display";
import { profileLists } from "./profile-list-lines";

type Base = Customer["base"];

/** Whole years between a YYYY-MM-DD birth date and today. */
export function ageOn(dob: string, today: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  let age = today.getUTCFullYear() - year;
  if (today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day)) age -= 1;
  return age >= 0 && age < 150 ? age : null;
}

/** The address as it would be written on an envelope, one line per part. */
export function addressLines(address: Base["address"]): string[] {
  if (!address) return [];
  const cityLine = [address.zip, address.city, address.province].filter(Boolean).join(" ");
  const country = address.country ? countryName(address.country) : "";
  return [address.street, cityLine, address.region, country].filter((line): line is string =>
    Boolean(line && line.trim()),
  );
}

/** "it_IT" → "Italian (Italy)", using the browser's language names. */
export function localeLabel(locale: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(locale.replace(/_/g, "-"));
    return name && name !== locale ? `${name} (${locale})` : locale;
  } catch {
    return locale;
  }
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      {/* Long e-mails and URLs break anywhere rather than push the card wider than a phone. */}
      <DataList.ItemValue style={{ minWidth: 0, overflowWrap: "anywhere" }}>
        {children ?? <Text c="dimmed">–</Text>}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

export function CustomerProfileCard({ customer }: { customer: Customer }) {
  const { base } = customer;
  const contacts = base.contacts;
  const fullName = [base.title, base.prefix, base.firstName, base.middleName, base.lastName].filter(Boolean).join(" ");
  const age = base.dob ? ageOn(base.dob, new Date()) : null;
  const address = addressLines(base.address);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group gap="md" wrap="nowrap">
          <Avatar
            src={base.pictureUrl ?? undefined}
            size={56}
            radius="xl"
            color="indigo"
            name={customerName(customer)}
          />
          <Stack gap={2}>
            <Title order={2} fz="lg">
              Profile
            </Title>
            <Text size="sm" c="dimmed">
              The standard fields every workspace has.
            </Text>
          </Stack>
        </Group>
        <DataList labelWidth={140} withDivider>
          <Item label="Name">{fullName || null}</Item>
          <Item label="E-mail">
            {contacts?.email ? <Anchor href={`mailto:${contacts.email}`}>{contacts.email}</Anchor> : null}
          </Item>
          <Item label="Mobile phone">{contacts?.mobilePhone || null}</Item>
          <Item label="Phone">{contacts?.phone || null}</Item>
          <Item label="Address">
            {address.length > 0 ? (
              <Stack gap={0}>
                {address.map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </Stack>
            ) : null}
          </Item>
          <Item label="Birth date">
            {base.dob ? `${formatDate(base.dob)}${age !== null ? ` (${age})` : ""}` : null}
          </Item>
          <Item label="Gender">{base.gender ? humanize(base.gender) : null}</Item>
          <Item label="Locale">{base.locale ? localeLabel(base.locale) : null}</Item>
          <Item label="Time zone">{base.timezone || null}</Item>
          {profileLists(base).map((list) => (
            <Item key={list.label} label={list.label}>
              <Stack gap={0}>
                {list.lines.map((line, index) => (
                  <span key={index}>{line}</span>
                ))}
              </Stack>
            </Item>
          ))}
        </DataList>
      </Stack>
    </Paper>
  );
}
