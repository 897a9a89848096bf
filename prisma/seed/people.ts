// Customer profiles: who they are (base), when they signed up (more recently = more), how they reach
// the brand (web, app, store) and how active they are.
import { COUNTRIES, type City, type Country } from "./geo";
import { asciiName, makeEmail, makeIp, makePhone, USER_AGENTS } from "./contacts";
import type { WorkspacePlan } from "./plans";
import { DAY, isoDay, type Rng } from "./random";
import type { JsonObject, Person } from "./types";

const YEAR = 365 * DAY;
/** Sign-ups per day at the end of the three years, relative to the start. */
const GROWTH = 4;
const AGE_BUCKETS: [[number, number], number][] = [
  [[18, 24], 12],
  [[25, 34], 22],
  [[35, 44], 22],
  [[45, 54], 19],
  [[55, 64], 14],
  [[65, 85], 11],
];
const JOB_TITLES = [
  "Sales Manager",
  "Teacher",
  "Nurse",
  "Software Developer",
  "Accountant",
  "Architect",
  "Marketing Specialist",
  "Pharmacist",
  "Lawyer",
  "Graphic Designer",
  "Engineer",
  "Shop Owner",
  "Consultant",
  "Physician",
  "Project Manager",
  "Student",
  "Chef",
];
const INDUSTRIES = [
  "Retail",
  "Healthcare",
  "Education",
  "Finance",
  "Manufacturing",
  "Technology",
  "Hospitality",
  "Public sector",
  "Media",
];

/** Sign-up times over the three years before `ref`, denser towards the end (exponential growth). */
function signUpTimes(rng: Rng, count: number, ref: number): number[] {
  const start = ref - 3 * YEAR;
  const k = Math.log(GROWTH);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.log(1 + rng.float() * (GROWTH - 1)) / k;
    times.push(Math.min(ref - 60_000, start + Math.floor(t * 3 * YEAR)));
  }
  return times.sort((a, b) => a - b);
}

function pickCity(rng: Rng, country: Country): City {
  return rng.weighted(country.cities.map((city) => [city, city.weight] as const));
}

function dateOfBirth(rng: Rng, ref: number): string {
  const [min, max] = rng.weighted(AGE_BUCKETS);
  const age = rng.int(min, max);
  return isoDay(ref - age * YEAR - rng.int(0, 364) * DAY);
}

function address(rng: Rng, country: Country, city: City): JsonObject {
  const faker = rng.fakerFor(country.faker);
  const result: JsonObject = {
    street: faker.location.streetAddress(),
    city: city.name,
    zip: faker.helpers.replaceSymbols(city.zip),
    country: country.code,
  };
  if (city.province) result.province = city.province;
  result.region = city.region;
  if (rng.chance(0.6))
    result.geo = {
      lat: +(city.lat + rng.normal() * 0.02).toFixed(5),
      lon: +(city.lon + rng.normal() * 0.02).toFixed(5),
    };
  return result;
}

export interface PeopleContext {
  rng: Rng;
  plan: WorkspacePlan;
  ref: number;
  emails: Set<string>;
  phones: Set<string>;
}

function makePerson(ctx: PeopleContext, createdAt: number, externalId: string | null): Person {
  const { rng, plan, ref } = ctx;
  const country = COUNTRIES[rng.weighted(plan.countries)];
  const city = pickCity(rng, country);
  const faker = rng.fakerFor(country.faker);
  const gender = rng.weighted<"female" | "male" | "other" | null>([
    ["female", 51],
    ["male", 46],
    ["other", 1],
    [null, 2],
  ]);
  const sex = gender === "female" || gender === "male" ? gender : rng.pick(["female", "male"] as const);
  const firstName = faker.person.firstName(sex);
  const lastName = faker.person.lastName(sex);
  const origin = rng.weighted(plan.origins);
  const hasStores = plan.catalogue.stores.some((store) => store.country === country.code);

  const email = rng.chance(0.92) ? makeEmail(rng, firstName, lastName, country, ctx.emails) : null;
  const mobilePhone = rng.chance(origin === "pos" || origin === "app" ? 0.85 : 0.6)
    ? makePhone(rng, country, city, "mobile", ctx.phones)
    : null;
  const phone = rng.chance(0.15) ? makePhone(rng, country, city, "landline", ctx.phones) : null;
  const contacts: JsonObject = {};
  if (email) contacts.email = email;
  if (phone) contacts.phone = phone.display;
  if (mobilePhone) contacts.mobilePhone = mobilePhone.display;

  const base: JsonObject = { firstName, lastName };
  if (rng.chance(country.code === "US" || country.code === "GB" ? 0.2 : 0.04))
    base.middleName = faker.person.firstName(sex);
  if (gender) base.gender = gender;
  if (rng.chance(0.85)) base.dob = dateOfBirth(rng, ref);
  if (rng.chance(0.95)) base.locale = country.locale;
  if (rng.chance(0.7)) base.timezone = city.timezone ?? country.timezone;
  if (Object.keys(contacts).length > 0) base.contacts = contacts;
  if (rng.chance(0.8)) base.address = address(rng, country, city);

  const usesApp = origin === "app" || rng.chance(0.22);
  const usesWeb = origin === "web" || rng.chance(0.7);
  const usesStore = hasStores && (origin === "pos" || rng.chance(0.3));
  const deviceType = usesApp
    ? rng.weighted<"IOS" | "ANDROID">([
        ["IOS", 55],
        ["ANDROID", 45],
      ])
    : null;
  const deviceId = usesApp ? rng.uuid().toUpperCase() : null;
  if (usesApp && deviceId && deviceType) {
    contacts.mobileDevices = [
      {
        identifier: deviceId,
        appId: plan.catalogue.appId,
        name:
          deviceType === "IOS"
            ? rng.pick(["iPhone 15", "iPhone 14", "iPhone 13", "iPhone SE"])
            : rng.pick(["Galaxy S24", "Pixel 8", "Redmi Note 13", "Galaxy A54"]),
        type: deviceType,
        notificationService: deviceType === "IOS" ? "APN" : "GCM",
      },
    ];
    base.contacts = contacts;
  }
  if (usesWeb && rng.chance(0.45))
    base.credential = { username: `${asciiName(firstName)}${asciiName(lastName).slice(0, 1)}${rng.int(1, 999)}` };
  if (rng.chance(0.08))
    base.socialProfile = { instagram: `https://instagram.com/${asciiName(firstName)}.${asciiName(lastName)}` };
  const age = typeof base.dob === "string" ? (ref - Date.parse(base.dob)) / YEAR : 40;
  if (age >= 22 && rng.chance(0.3)) {
    base.jobs = [
      {
        id: "job-1",
        companyIndustry: rng.pick(INDUSTRIES),
        companyName: faker.company.name(),
        jobTitle: rng.pick(JOB_TITLES),
        startDate: isoDay(createdAt - rng.int(100, 3000) * DAY),
        endDate: null,
        isCurrent: true,
      },
    ];
  }
  if (rng.chance(0.25)) {
    base.likes = rng.sample(plan.catalogue.likes, rng.int(1, 3)).map(([category, name], index) => ({
      id: `like-${index + 1}`,
      category,
      name,
      createdTime: new Date(rng.timeBetween(createdAt, ref)).toISOString(),
    }));
  }

  const dormant = rng.chance(0.22);
  return {
    id: rng.uuid7(createdAt),
    createdAt,
    updatedAt: rng.chance(0.5) ? rng.timeBetween(createdAt, ref) : createdAt,
    country,
    city,
    externalId,
    base,
    extended: {},
    tags: [],
    email,
    mobilePhone: mobilePhone?.display ?? null,
    phone: phone?.display ?? null,
    e164: { mobilePhone: mobilePhone?.e164 ?? null, phone: phone?.e164 ?? null },
    origin,
    usesWeb,
    usesApp,
    usesStore,
    anonymousIds: usesWeb ? Array.from({ length: rng.chance(0.3) ? 2 : 1 }, () => rng.uuid()) : [],
    deviceId,
    deviceType,
    userAgent: rng.weighted(USER_AGENTS),
    ip: makeIp(rng),
    engagement: dormant ? 0 : Math.exp(rng.normal() * 0.9),
  };
}

export function generatePeople(ctx: PeopleContext): Person[] {
  const { rng, plan, ref } = ctx;
  let crmNumber = 100;
  return signUpTimes(rng, plan.customers, ref).map((createdAt) => {
    const hasExternalId = rng.chance(plan.externalIdShare);
    if (hasExternalId) crmNumber += rng.int(1, 3);
    return makePerson(
      ctx,
      createdAt,
      hasExternalId ? `${plan.externalIdPrefix}${String(crmNumber).padStart(6, "0")}` : null,
    );
  });
}
