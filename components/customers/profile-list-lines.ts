// The base's lists on the profile, one line an item ("Designer at Acme (current)"), so that what the edit
// form changes can be read back on the page. Only lists that have items are listed.
import type { Customer } from "@/lib/schemas/customers";
import { humanize } from "@/components/filters/filter-fields";

type Base = Customer["base"];

export interface ProfileList {
  label: string;
  lines: string[];
}

const joined = (parts: (string | null | undefined)[], separator = " · ") =>
  parts.filter((part): part is string => Boolean(part && part.trim())).join(separator);

export function profileLists(base: Base): ProfileList[] {
  const lists: ProfileList[] = [
    {
      label: "Other contacts",
      lines: (base.contacts?.otherContacts ?? []).map((contact) =>
        joined([contact.type ? humanize(contact.type) : null, contact.value, contact.name]),
      ),
    },
    {
      label: "Mobile devices",
      lines: (base.contacts?.mobileDevices ?? []).map((device) => joined([device.name, device.type, device.appId])),
    },
    {
      label: "Jobs",
      lines: (base.jobs ?? []).map((job) =>
        joined([
          joined([job.jobTitle, job.companyName], " at "),
          job.isCurrent ? "current" : joined([job.startDate, job.endDate], " – "),
        ]),
      ),
    },
    {
      label: "Education",
      lines: (base.educations ?? []).map((education) =>
        joined([
          education.schoolName,
          education.schoolConcentration,
          joined([education.startYear?.toString(), education.endYear?.toString()], " – "),
        ]),
      ),
    },
    {
      label: "Likes",
      lines: (base.likes ?? []).map((like) => joined([like.name, like.category])),
    },
    {
      label: "Subscriptions",
      lines: (base.subscriptions ?? []).map((subscription) =>
        joined([
          subscription.name,
          subscription.subscribed === true ? "subscribed" : subscription.subscribed === false ? "unsubscribed" : null,
        ]),
      ),
    },
  ];
  // An item with nothing readable still shows, as "Item 2", rather than as a blank line.
  return lists
    .filter((list) => list.lines.length > 0)
    .map((list) => ({ ...list, lines: list.lines.map((line, index) => line || `Item ${index + 1}`) }));
}
