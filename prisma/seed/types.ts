// Shapes shared by the demo generators.
import type { SourceType } from "@/lib/generated/prisma/client";
import type { City, Country } from "./geo";

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export type SourceKey = "web" | "app" | "pos" | "crm" | "email" | "callCenter";

export interface SourcePlan {
  key: SourceKey;
  name: string;
  type: SourceType;
  priority: number;
  allowedOrigins: string[];
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  price: number;
  category: string[];
  imageUrl: string;
  linkUrl: string;
  vendor: string;
}

export interface Page {
  path: string;
  title: string;
  categories: string[];
}

export interface Store {
  id: string;
  name: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
}

export interface Catalogue {
  siteUrl: string;
  appId: string;
  products: Product[];
  pages: Page[];
  searchTerms: string[];
  stores: Store[];
  likes: [string, string][];
  ticketSubjects: [string, string][];
  newsletterName: string;
  loyaltyName: string;
}

/** One person as generated, before rows are derived from it. */
export interface Person {
  id: string;
  createdAt: number;
  updatedAt: number;
  country: Country;
  city: City;
  externalId: string | null;
  base: JsonObject;
  extended: JsonObject;
  tags: string[];
  email: string | null;
  /** Phones as written in base.contacts, and as E.164 (what identities hold). */
  mobilePhone: string | null;
  phone: string | null;
  e164: { mobilePhone: string | null; phone: string | null };
  origin: SourceKey;
  usesWeb: boolean;
  usesApp: boolean;
  usesStore: boolean;
  anonymousIds: string[];
  deviceId: string | null;
  deviceType: "IOS" | "ANDROID" | null;
  userAgent: string;
  ip: string;
  /** Relative activity level; 0 = no events at all. */
  engagement: number;
}

/** What the events left behind on a person (drives tags and extended properties). */
export interface Activity {
  orders: number;
  spend: number;
  lastOrderAt: number | null;
  lastEventAt: number | null;
  storeIds: Set<string>;
  /** First time each source saw the person. */
  sourcesSeen: Map<SourceKey, number>;
}
