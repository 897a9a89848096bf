// How the consent keys read in the UI: grouped by purpose (marketing by channel kind, profiling, soft spam,
// transfer to third parties), each with a label. The keys themselves come from lib/schemas/consents.ts.
import { CONSENT_KEYS, type ConsentKey, type ConsentLeafKey } from "@/lib/schemas/consents";

export const CONSENT_FLAGS = ["status", "limitation", "objection"] as const;
export type ConsentFlag = (typeof CONSENT_FLAGS)[number];

export const FLAG_LABELS: Record<ConsentFlag, string> = {
  status: "Consent",
  limitation: "Limitation",
  objection: "Objection",
};

export const FLAG_DESCRIPTIONS: Record<ConsentFlag, string> = {
  status: "The person agreed to this purpose",
  limitation: "The person asked to restrict this processing",
  objection: "The person objected to this processing",
};

export interface ConsentGroup {
  id: string;
  title: string;
  description: string;
  keys: readonly ConsentKey[];
}

export const CONSENT_GROUPS: readonly ConsentGroup[] = [
  {
    id: "marketing.traditional",
    title: "Marketing — traditional channels",
    description: "Promotions by a person on the phone or by post.",
    keys: ["marketing.traditional.telephonic", "marketing.traditional.papery"],
  },
  {
    id: "marketing.automatic",
    title: "Marketing — automatic channels",
    description: "Promotions sent without an operator: e-mail, SMS, push, messaging apps, recorded calls.",
    keys: [
      "marketing.automatic.email",
      "marketing.automatic.sms",
      "marketing.automatic.push",
      "marketing.automatic.im",
      "marketing.automatic.telephonic",
    ],
  },
  {
    id: "profiling",
    title: "Profiling",
    description: "Analysing habits and preferences to personalise offers.",
    keys: ["profiling.classic", "profiling.online"],
  },
  {
    id: "softSpam",
    title: "Soft spam",
    description: "Offers for products similar to ones already bought, to the contact given at purchase.",
    keys: ["softSpam.email", "softSpam.papery"],
  },
  {
    id: "thirdPartyTransfer",
    title: "Transfer to third parties",
    description: "Sharing the person's data with partners for their own purposes.",
    keys: ["thirdPartyTransfer.marketing", "thirdPartyTransfer.profiling"],
  },
];

/** The label within its group ("E-mail" under "Marketing — automatic channels"). */
export const CONSENT_KEY_LABELS: Record<ConsentKey, string> = {
  "marketing.traditional.telephonic": "Phone calls by an operator",
  "marketing.traditional.papery": "Post",
  "marketing.automatic.email": "E-mail",
  "marketing.automatic.sms": "SMS",
  "marketing.automatic.push": "Push notifications",
  "marketing.automatic.im": "Instant messaging",
  "marketing.automatic.telephonic": "Automated calls",
  "profiling.classic": "Classic profiling",
  "profiling.online": "Online profiling",
  "softSpam.email": "E-mail",
  "softSpam.papery": "Post",
  "thirdPartyTransfer.marketing": "For their marketing",
  "thirdPartyTransfer.profiling": "For their profiling",
};

const GROUP_SHORT_TITLES: Record<string, string> = {
  "marketing.traditional": "Marketing",
  "marketing.automatic": "Marketing",
  profiling: "Profiling",
  softSpam: "Soft spam",
  thirdPartyTransfer: "Third-party transfer",
};

export const DISCLAIMER_LABEL = "Privacy notice";

export function isConsentKey(key: string): key is ConsentKey {
  return CONSENT_KEYS.some((known) => known === key);
}

/** A key on its own, outside its group ("Marketing · E-mail"), as the history shows it. */
export function consentKeyTitle(key: ConsentLeafKey | string): string {
  if (key === "disclaimer") return DISCLAIMER_LABEL;
  if (!isConsentKey(key)) return key;
  const group = CONSENT_GROUPS.find((candidate) => candidate.keys.includes(key));
  const prefix = group ? GROUP_SHORT_TITLES[group.id] : undefined;
  const label = CONSENT_KEY_LABELS[key];
  return prefix && prefix !== label ? `${prefix} · ${label}` : label;
}

/** The history's key filter: everything, a group (a key prefix), or one key. */
export function consentKeyFilterOptions(): { group: string; items: { value: string; label: string }[] }[] {
  return [
    {
      group: "Groups",
      items: [
        { value: "marketing", label: "All marketing" },
        ...CONSENT_GROUPS.map((group) => ({ value: group.id, label: group.title })),
      ],
    },
    ...CONSENT_GROUPS.map((group) => ({
      group: group.title,
      items: group.keys.map((key) => ({ value: key, label: consentKeyTitle(key) })),
    })),
    { group: "Other", items: [{ value: "disclaimer", label: DISCLAIMER_LABEL }] },
  ];
}
