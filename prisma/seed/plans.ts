// The demo installation: its people (who signs in) and its two workspaces, described as data.
import type { Role } from "@/lib/generated/prisma/client";
import { CONTOSO_CATALOGUE, NORTHWIND_CATALOGUE } from "./catalogue";
import type { Catalogue, JsonObject, SourceKey, SourcePlan } from "./types";

export const DEMO_PASSWORD = "atrium-demo";

export interface DemoUser {
  key: "demo" | "user" | "guest";
  email: string;
  name: string;
  memberships: { workspace: "northwind" | "contoso"; role: Role; consentHistory: boolean }[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    key: "demo",
    email: "demo@atrium.local",
    name: "Demo Admin",
    memberships: [
      { workspace: "northwind", role: "ADMIN", consentHistory: true },
      { workspace: "contoso", role: "ADMIN", consentHistory: true },
    ],
  },
  {
    key: "user",
    email: "user@atrium.local",
    name: "Ulla User",
    memberships: [{ workspace: "northwind", role: "USER", consentHistory: false }],
  },
  {
    key: "guest",
    email: "guest@atrium.local",
    name: "Gino Guest",
    memberships: [{ workspace: "northwind", role: "GUEST", consentHistory: false }],
  },
];

export interface ViewPlan {
  name: string;
  filter: JsonObject;
  columns: string[];
  maskPersonalData: boolean;
}

export interface ExtendedPropertyPlan {
  name: string;
  type: string;
  label: string;
  description: string;
  options: JsonObject;
  mergePolicy: string;
}

export interface WorkspacePlan {
  slug: "northwind" | "contoso";
  name: string;
  timezone: string;
  currency: string;
  /** VAT included in prices (0 = prices without tax, as in the US). */
  vatRate: number;
  customers: number;
  events: number;
  anonymousVisitors: number;
  merges: number;
  countries: [string, number][];
  externalIdPrefix: string;
  externalIdShare: number;
  /** Where people were first seen, weighted. */
  origins: [SourceKey, number][];
  sources: SourcePlan[];
  catalogue: Catalogue;
  /** Spend (12 months) from which a club member is gold, silver. */
  loyaltyTiers: [number, number];
  /** Tags given at random, with their probability (vip, newsletter and churn-risk follow behaviour). */
  randomTags: [string, number][];
  extendedProperties: ExtendedPropertyPlan[];
  views: ViewPlan[];
}

const COLUMNS = [
  "base.firstName",
  "base.lastName",
  "base.contacts.email",
  "base.address.city",
  "base.address.country",
  "tags",
  "createdAt",
];

export const NORTHWIND: WorkspacePlan = {
  slug: "northwind",
  name: "Northwind Retail",
  timezone: "Europe/Rome",
  currency: "EUR",
  vatRate: 0.22,
  customers: 5000,
  events: 50_000,
  anonymousVisitors: 45,
  merges: 20,
  countries: [
    ["IT", 72],
    ["DE", 6],
    ["FR", 5],
    ["ES", 4],
    ["GB", 3],
    ["US", 3],
    ["NL", 2],
    ["CH", 2],
    ["AT", 1],
    ["BE", 1],
    ["PT", 1],
  ],
  externalIdPrefix: "CRM-",
  externalIdShare: 0.85,
  origins: [
    ["web", 38],
    ["crm", 30],
    ["pos", 17],
    ["app", 15],
  ],
  sources: [
    {
      key: "web",
      name: "Web shop",
      type: "ECOMMERCE",
      priority: 40,
      allowedOrigins: ["https://shop.northwind.example"],
    },
    { key: "app", name: "Mobile app", type: "MOBILE", priority: 30, allowedOrigins: [] },
    { key: "pos", name: "Store POS", type: "RETAIL", priority: 50, allowedOrigins: [] },
    { key: "crm", name: "CRM", type: "CRM", priority: 100, allowedOrigins: [] },
    { key: "email", name: "E-mail tool", type: "API", priority: 10, allowedOrigins: [] },
  ],
  catalogue: NORTHWIND_CATALOGUE,
  loyaltyTiers: [350, 120],
  randomTags: [
    ["b2b", 0.04],
    ["employee", 0.005],
    ["press", 0.003],
    ["wholesale-lead", 0.01],
  ],
  extendedProperties: [
    {
      name: "loyaltyPoints",
      type: "integer",
      label: "Club points",
      description: "Northwind Club points balance",
      options: {},
      mergePolicy: "sum",
    },
    {
      name: "loyaltyTier",
      type: "enum",
      label: "Club tier",
      description: "Northwind Club tier",
      options: { values: ["bronze", "silver", "gold"] },
      mergePolicy: "max",
    },
    {
      name: "preferredStore",
      type: "string",
      label: "Preferred store",
      description: "Store where the customer buys most",
      options: {},
      mergePolicy: "latest",
    },
    {
      name: "lifetimeValue",
      type: "number",
      label: "Lifetime value (EUR)",
      description: "Total spent in the last 12 months",
      options: {},
      mergePolicy: "max",
    },
  ],
  views: [
    {
      name: "Italian VIPs",
      filter: { and: [{ field: "base.address.country", op: "eq", value: "IT" }, { tag: "vip" }] },
      columns: COLUMNS,
      maskPersonalData: false,
    },
    {
      name: "Newsletter audience",
      filter: {
        and: [
          { consent: "marketing.automatic.email", status: true },
          { field: "base.contacts.email", op: "exists", value: true },
        ],
      },
      columns: ["base.firstName", "base.lastName", "base.contacts.email", "tags"],
      maskPersonalData: false,
    },
    {
      name: "Recent buyers (30 days)",
      filter: { event: { type: "completedOrder", within: "P30D", count: { gte: 1 } } },
      columns: COLUMNS,
      maskPersonalData: false,
    },
    {
      name: "Europe outside Italy (masked)",
      filter: {
        field: "base.address.country",
        op: "in",
        value: ["DE", "FR", "ES", "NL", "CH", "AT", "BE", "PT", "GB"],
      },
      columns: ["base.gender", "base.dob", "base.address.city", "base.address.country", "tags"],
      maskPersonalData: true,
    },
  ],
};

export const CONTOSO: WorkspacePlan = {
  slug: "contoso",
  name: "Contoso Travel",
  timezone: "America/New_York",
  currency: "USD",
  vatRate: 0,
  customers: 400,
  events: 4_000,
  anonymousVisitors: 8,
  merges: 3,
  countries: [
    ["US", 78],
    ["GB", 6],
    ["IT", 5],
    ["DE", 4],
    ["FR", 3],
    ["ES", 2],
    ["NL", 2],
  ],
  externalIdPrefix: "CT-",
  externalIdShare: 0.7,
  origins: [
    ["web", 55],
    ["crm", 25],
    ["app", 10],
    ["callCenter", 10],
  ],
  sources: [
    {
      key: "web",
      name: "Booking site",
      type: "WEB",
      priority: 40,
      allowedOrigins: ["https://www.contoso-travel.example"],
    },
    { key: "app", name: "Travel app", type: "MOBILE", priority: 30, allowedOrigins: [] },
    { key: "callCenter", name: "Call center", type: "API", priority: 60, allowedOrigins: [] },
    { key: "crm", name: "CRM", type: "CRM", priority: 100, allowedOrigins: [] },
    { key: "email", name: "Newsletter tool", type: "API", priority: 10, allowedOrigins: [] },
  ],
  catalogue: CONTOSO_CATALOGUE,
  loyaltyTiers: [3000, 1000],
  randomTags: [
    ["business-traveler", 0.12],
    ["family", 0.18],
    ["honeymoon", 0.02],
    ["frequent-flyer", 0.1],
  ],
  extendedProperties: [
    {
      name: "milesBalance",
      type: "integer",
      label: "Contoso Miles",
      description: "Miles balance",
      options: {},
      mergePolicy: "sum",
    },
    {
      name: "homeAirport",
      type: "string",
      label: "Home airport",
      description: "IATA code",
      options: {},
      mergePolicy: "latest",
    },
  ],
  views: [
    {
      name: "US travellers",
      filter: { field: "base.address.country", op: "eq", value: "US" },
      columns: COLUMNS,
      maskPersonalData: false,
    },
    {
      name: "VIP travellers (masked)",
      filter: { tag: "vip" },
      columns: ["base.gender", "base.dob", "base.address.country", "tags"],
      maskPersonalData: true,
    },
  ],
};

export const WORKSPACE_PLANS: WorkspacePlan[] = [NORTHWIND, CONTOSO];
