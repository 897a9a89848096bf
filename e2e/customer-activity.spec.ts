// A customer's activity as a marketer reads it (issue 5): the timeline on the customer page grouped by
// day, its type and time-range filters, the details drawer with the parsed browser and OS, infinite
// scroll through older events, and the workspace's Events screen with the same filters. The test makes
// its own workspace, member, customers and events (through the API with the browser's session), so it
// never depends on the seed.
import path from "node:path";
import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

// This machine builds and tests in parallel with other work: allow a loaded server more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

// Day groups and times are the workspace's (the app's one clock): the workspace and the browser share a
// pinned zone and locale, so that labels and money read the same on every machine.
const TIME_ZONE = "Europe/Rome";
test.use({ timezoneId: TIME_ZONE, locale: "en-GB" });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../test-results/screenshots");

/**
 * The viewport, scrolled first so that `top` (when given) is at the top of it: the timeline is far below
 * the top of the customer page, and its sticky day headers do not survive a stitched full-page capture.
 */
async function screenshot(page: Page, name: string, top?: Locator): Promise<void> {
  if (top) await top.evaluate((element) => element.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `activity-${name}.png`) });
}

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface NewEvent {
  type: string;
  context: string;
  occurredAt: string;
  properties?: Record<string, unknown>;
  contextInfo?: Record<string, unknown>;
  customerId?: string;
}

/** One seeded event and the line the timeline should show for it. */
interface SeededEvent extends NewEvent {
  summary: string | RegExp;
}

async function createCustomer(
  page: Page,
  ws: string,
  externalId: string,
  firstName: string,
  lastName: string,
): Promise<string> {
  const response = await page.request.post(`/api/v1/workspaces/${ws}/customers`, {
    data: { externalId, base: { firstName, lastName, contacts: { email: `${externalId.toLowerCase()}@example.com` } } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function sendEvents(page: Page, ws: string, customerId: string, events: readonly NewEvent[]): Promise<void> {
  const response = await page.request.post(`/api/v1/workspaces/${ws}/events/batch`, {
    data: {
      events: events.map(({ type, context, occurredAt, properties, contextInfo }) => ({
        type,
        context,
        occurredAt,
        properties,
        contextInfo,
        customerId,
      })),
    },
  });
  const text = await response.text();
  expect(response.status(), text).toBe(200);
  expect((JSON.parse(text) as { accepted: number; rejected: number }).rejected, text).toBe(0);
}

/**
 * The day-group label the timeline should give each instant ("Today", "Yesterday", "Monday 23 November"),
 * worked out in the page so that it uses the browser's own zone, locale and date formatting.
 */
function dayLabels(page: Page, instants: string[]): Promise<string[]> {
  return page.evaluate((values) => {
    const keyOf = (date: Date) => {
      const parts = new Intl.DateTimeFormat("en-US", {
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).formatToParts(date);
      const part = (type: string) => parts.find((p) => p.type === type)?.value;
      return `${part("year")}-${part("month")}-${part("day")}`;
    };
    const now = new Date();
    const today = keyOf(now);
    const midday = new Date(now);
    midday.setHours(12, 0, 0, 0);
    const yesterday = keyOf(new Date(midday.getTime() - 24 * 3600_000));
    return values.map((value) => {
      const date = new Date(value);
      const key = keyOf(date);
      if (key === today) return "Today";
      if (key === yesterday) return "Yesterday";
      const sameYear = key.slice(0, 4) === today.slice(0, 4);
      return new Intl.DateTimeFormat(undefined, {
        weekday: "long",
        day: "numeric",
        month: "long",
        ...(sameYear ? {} : { year: "numeric" }),
      }).format(date);
    });
  }, instants);
}

/** Consecutive events with the same label, as the timeline groups them. */
function groupByLabel<T>(items: T[], labels: string[]): { label: string; items: T[] }[] {
  const groups: { label: string; items: T[] }[] = [];
  items.forEach((item, index) => {
    const last = groups[groups.length - 1];
    if (last && last.label === labels[index]) last.items.push(item);
    else groups.push({ label: labels[index], items: [item] });
  });
  return groups;
}

/** A labelled value of the details drawer's fact list (`<dt>`/`<dd>`). */
function fact(drawer: Locator, label: string): Locator {
  return drawer.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

/** A Mantine select or multi-select: open it, narrow the options by typing when it is searchable, pick one. */
async function choose(page: Page, input: Locator, option: string, typed?: string): Promise<void> {
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
  await page.keyboard.press("Escape");
}

test.describe("customer activity", () => {
  test("the timeline of a seeded customer shows their events and filters them", async ({ page }) => {
    test.setTimeout(240_000);
    const tag = uniqueTag();
    const [marketer, workspace] = await Promise.all([
      createUser("Anna Analyst"),
      createWorkspace(`Activity ${tag}`, { timezone: TIME_ZONE }),
    ]);
    // Writing customers and events is a User's job (docs/api.md, roles).
    await addMember(workspace, marketer, "user");
    await signIn(page, marketer, `/w/${workspace.slug}/customers`);

    const ws = workspace.id;
    const giulia = await createCustomer(page, ws, `G-${tag}`, "Giulia", "Bianchi");
    const marco = await createCustomer(page, ws, `M-${tag}`, "Marco", "Verdi");

    const now = Date.now();
    const ago = (ms: number) => new Date(now - ms).toISOString();
    // Newest first, as the timeline lists them.
    const recent: SeededEvent[] = [
      {
        type: "completedOrder",
        context: "ECOMMERCE",
        occurredAt: ago(5 * MINUTE),
        properties: {
          orderId: "A-1001",
          amount: { total: 89.9, currency: "EUR" },
          products: [
            { id: "SKU-1", name: "Trail shoes", price: 79.9, quantity: 1 },
            { id: "SKU-2", name: "Running socks", price: 10, quantity: 1 },
          ],
        },
        contextInfo: {
          client: { userAgent: FIREFOX_ON_WINDOWS, ip: "203.0.113.7", localization: { city: "Milano", country: "IT" } },
        },
        summary: "Completed order #A-1001 · €89.90 · 2 items",
      },
      {
        type: "addedProduct",
        context: "ECOMMERCE",
        occurredAt: ago(12 * MINUTE),
        properties: { id: "SKU-1", name: "Trail shoes", price: 79.9 },
        summary: /^Added “Trail shoes” to the cart/,
      },
      {
        type: "viewedPage",
        context: "WEB",
        occurredAt: ago(20 * MINUTE),
        properties: {
          url: "https://shop.example.com/shoes/trail?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale",
          path: "/shoes/trail",
          title: "Trail shoes",
        },
        contextInfo: { client: { userAgent: SAFARI_ON_IPHONE } },
        summary: "Viewed page /shoes/trail",
      },
      {
        type: "campaignOpened",
        context: "DIGITAL_CAMPAIGN",
        occurredAt: ago(DAY),
        properties: { campaignId: "C-7", campaignName: "Spring sale", channel: "EMAIL" },
        summary: "Opened “Spring sale” · E-mail",
      },
      {
        type: "searched",
        context: "WEB",
        occurredAt: ago(DAY + 40 * MINUTE),
        properties: { keyword: "trail shoes", resultCount: 12 },
        summary: "Searched for “trail shoes” · 12 results",
      },
      { type: "loggedIn", context: "MOBILE", occurredAt: ago(3 * DAY), summary: "Logged in" },
      {
        type: "openedTicket",
        context: "CONTACT_CENTER",
        occurredAt: ago(5 * DAY),
        properties: { ticketId: "T-1042", subject: "Wrong size" },
        summary: "Opened ticket #T-1042 “Wrong size”",
      },
      {
        type: "completedOrder",
        context: "ECOMMERCE",
        occurredAt: ago(12 * DAY),
        properties: { orderId: "A-0990", amount: { total: 45, currency: "EUR" } },
        summary: "Completed order #A-0990 · €45.00",
      },
    ];
    // Enough older reading for a second page (the timeline loads 50 at a time): 55 blog posts, two a day.
    const older: NewEvent[] = Array.from({ length: 55 }, (_, index) => ({
      type: "viewedPage",
      context: "WEB",
      occurredAt: ago(14 * DAY + index * 12 * HOUR),
      properties: { url: `https://shop.example.com/blog/post-${index + 1}`, path: `/blog/post-${index + 1}` },
    }));
    const total = recent.length + older.length;
    await sendEvents(page, ws, giulia, [...recent, ...older]);
    // Someone else's order, which must stay off Giulia's timeline but shows on the Events screen.
    await sendEvents(page, ws, marco, [
      {
        type: "completedOrder",
        context: "RETAIL",
        occurredAt: ago(2 * DAY),
        properties: { orderId: "B-2001", amount: { total: 120, currency: "EUR" } },
      },
    ]);

    await page.goto(`/w/${workspace.slug}/customers/${giulia}`);
    await expect(page.getByRole("heading", { name: "Giulia Bianchi", level: 1 })).toBeVisible();
    const activity = page.getByRole("tabpanel", { name: "Activity" });
    const lines = activity.getByRole("button", { name: /Show details$/ });

    // The first page: the 50 newest events, grouped by day, newest first.
    await expect(lines).toHaveCount(50);
    const labels = await dayLabels(
      page,
      recent.map((event) => event.occurredAt),
    );
    expect(labels[0]).toBe("Today");
    expect(labels[3]).toBe("Yesterday");
    const groups = groupByLabel(recent, labels);
    const sections = activity.getByRole("region");
    for (const [index, group] of groups.entries()) {
      const section = sections.nth(index);
      await expect(section).toHaveAccessibleName(group.label);
      await expect(section).toContainText(group.items.length === 1 ? "1 event" : `${group.items.length} events`);
      await expect(section.getByRole("button", { name: /Show details$/ })).toHaveCount(group.items.length);
      await expect(section.getByRole("button", { name: /Show details$/ })).toContainText(
        group.items.map((event) => event.summary),
      );
    }
    await expect(activity).not.toContainText("B-2001");
    await screenshot(page, "timeline", page.getByRole("tab", { name: "Activity" }));

    // Scrolling to the end loads the older events until there are none left.
    await lines.last().scrollIntoViewIfNeeded();
    await expect(lines).toHaveCount(total);
    // Half way down, the day being read keeps its header in view under the app's.
    await screenshot(page, "timeline-scrolled", lines.nth(30));
    await expect(activity.getByText("That is everything.")).toBeVisible();
    await expect(lines.last()).toContainText("Viewed page /blog/post-55");

    // Filters: the last 7 days, then only orders within them, then orders of any time.
    const filters = activity.getByRole("search", { name: "Filter events" });
    await choose(page, filters.getByLabel("When", { exact: true }), "Last 7 days");
    await expect(lines).toHaveCount(7);
    await expect(lines).toContainText(recent.slice(0, 7).map((event) => event.summary));
    await choose(page, filters.getByLabel("Event type", { exact: true }), "Completed an order", "order");
    await expect(lines).toHaveCount(1);
    await expect(lines).toContainText(["Completed order #A-1001"]);
    await screenshot(page, "timeline-filtered", page.getByRole("tab", { name: "Activity" }));
    await choose(page, filters.getByLabel("When", { exact: true }), "Any time");
    await expect(lines).toHaveCount(2);
    await expect(lines).toContainText(["Completed order #A-1001", "Completed order #A-0990"]);
    await filters.getByRole("button", { name: "Clear filters" }).click();
    await expect(lines).toHaveCount(total);
    // Filters that match nothing say so and offer the way back.
    await choose(page, filters.getByLabel("Event type", { exact: true }), "Logged in", "logged");
    await expect(lines).toHaveCount(1);
    await expect(lines).toContainText(["Logged in"]);
    await choose(page, filters.getByLabel("When", { exact: true }), "Today");
    await expect(activity.getByText("No events match these filters")).toBeVisible();
    await expect(lines).toHaveCount(0);
    await activity.getByRole("button", { name: "Clear filters" }).last().click();
    await expect(lines).toHaveCount(total);

    // The details drawer: the sentence, the parsed browser and OS, where, and the raw payload.
    await lines.filter({ hasText: "Completed order #A-1001" }).click();
    const drawer = page.getByRole("dialog", { name: "Event details" });
    await expect(drawer).toBeVisible();
    await expect(drawer).toContainText("Completed order #A-1001 · €89.90 · 2 items");
    await expect(fact(drawer, "Browser")).toHaveText("Firefox 133.0");
    await expect(fact(drawer, "Operating system")).toHaveText("Windows 10");
    await expect(fact(drawer, "Location")).toHaveText("Milano, IT");
    await expect(fact(drawer, "IP address")).toHaveText("203.0.113.7");
    await expect(fact(drawer, "Customer")).toContainText("Giulia Bianchi");
    await expect(drawer.getByLabel("properties", { exact: true })).toContainText('"orderId": "A-1001"');
    await expect(drawer.getByLabel("properties", { exact: true })).toContainText('"name": "Running socks"');
    await expect(drawer.getByLabel("context", { exact: true })).toContainText("Firefox/133.0");
    await screenshot(page, "drawer");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    // A phone's page view: device from the user agent, campaign from the landing URL's utm tags.
    await lines.filter({ hasText: "Viewed page /shoes/trail" }).click();
    await expect(fact(drawer, "Browser")).toHaveText("Mobile Safari 17.5");
    await expect(fact(drawer, "Operating system")).toHaveText("iOS 17.5");
    await expect(fact(drawer, "Device")).toHaveText("Apple iPhone (mobile)");
    await expect(fact(drawer, "Campaign")).toHaveText("spring_sale (newsletter / email)");
    await screenshot(page, "drawer-mobile");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    // The workspace's Events screen: everyone's events, newest first, with the same filters.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
    await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
    const rows = page.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(50);
    await expect(rows.first()).toContainText("Completed order #A-1001");
    const screenFilters = page.getByRole("search", { name: "Filter events" });
    await choose(page, screenFilters.getByLabel("Event type", { exact: true }), "Completed an order", "order");
    await expect(rows).toHaveCount(3);
    await expect(rows).toContainText(["Completed order #A-1001", "Completed order #B-2001", "Completed order #A-0990"]);
    // Whose each event is, by name.
    await expect(rows).toContainText(["Giulia Bianchi", "Marco Verdi", "Giulia Bianchi"]);
    await expect(rows.nth(1)).toContainText("Retail store");
    await choose(page, screenFilters.getByLabel("When", { exact: true }), "Last 7 days");
    await expect(rows).toHaveCount(2);
    await expect(rows).toContainText(["Completed order #A-1001", "Completed order #B-2001"]);
    await screenshot(page, "events-screen");
    // Its drawer links to the customer.
    await rows.filter({ hasText: "B-2001" }).click();
    await expect(fact(drawer, "Customer")).toContainText(marco);
    await fact(drawer, "Customer").getByRole("link", { name: "Marco Verdi" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${marco}$`));
    await expect(page.getByRole("heading", { name: "Marco Verdi", level: 1 })).toBeVisible();
    await expect(
      page.getByRole("tabpanel", { name: "Activity" }).getByRole("button", { name: /Show details$/ }),
    ).toHaveCount(1);
  });
});
