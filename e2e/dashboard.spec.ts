// The dashboard as a marketer reads it: headline figures, growth, composition and event trends for a
// workspace the test fills itself (customers and events through the API with the browser's session, so it
// never depends on the demo seed), then another period, a custom range and a view, a chart as a table,
// and a CSV download. Screenshots in light and dark mode go to test-results/screenshots.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

// This machine builds and tests in parallel with other work: allow a loaded server more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../test-results/screenshots");

/**
 * Kept outside Playwright's output dir (wiped on every run) so that they can be looked at afterwards. The
 * window grows to the whole page first: a full-page capture would paint the fixed header and navbar
 * halfway down.
 */
async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: viewport?.height ?? 900 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height });
  // The charts redraw for the new size on their next resize observation.
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `dashboard-${name}.png`) });
  if (viewport) await page.setViewportSize(viewport);
}

/** The screen in light and dark mode, at 1440 px and on a 390 px phone, whole page. */
async function screenshotAt(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(500);
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, `dashboard-${name}-${scheme}-${width}.png`),
        fullPage: true,
      });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (viewport) await page.setViewportSize(viewport);
}

/** `count` customers created at `createdAt`, inserted as the server's database role would; their ids. */
async function insertCustomersCreated(ws: string, count: number, createdAt: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.ATRIUM_E2E_DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(
      `INSERT INTO "Customer" ("workspaceId", id, "createdAt", "updatedAt")
       SELECT $1::uuid, gen_random_uuid(), $2::timestamptz AT TIME ZONE 'UTC', now() FROM generate_series(1, $3::int)
       RETURNING id::text`,
      [ws, createdAt, count],
    );
    return result.rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

const DAY_MS = 86_400_000;
/** The workspace keeps the default time zone, UTC, so report days are UTC days. */
const dayAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
/** Early on a past day, so that no event lands on the other side of a range's edge. */
const morningOf = (days: number) => `${dayAgo(days)}T06:00:00.000Z`;

interface NewCustomer {
  key: string;
  country: string;
  gender?: "female" | "male" | "other";
  dob?: string;
  tags?: string[];
  /** E-mail marketing consent: true granted, false denied, absent never asked. */
  email?: boolean;
}

const CUSTOMERS: NewCustomer[] = [
  { key: "giulia", country: "IT", gender: "female", dob: "1990-05-01", tags: ["vip"], email: true },
  { key: "marco", country: "IT", gender: "male", dob: "1985-01-15", tags: ["vip", "newsletter"], email: true },
  { key: "sofia", country: "IT", dob: "1962-07-30", email: false },
  { key: "chloe", country: "FR", gender: "female", dob: "2001-03-03", tags: ["newsletter"], email: false },
  { key: "jonas", country: "DE", gender: "other" },
  { key: "lucia", country: "ES", gender: "male", dob: "1975-11-11", tags: ["b2b"], email: true },
];

/** Days ago, type and customer of each event. */
const EVENTS: Array<[number, string, string]> = [
  // The last 7 days (today and the 6 before): 5 events, 4 of them by Italians.
  [1, "loggedIn", "giulia"],
  [2, "loggedIn", "marco"],
  [3, "searched", "giulia"],
  [4, "loggedOut", "chloe"],
  [5, "loggedIn", "sofia"],
  // The 7 days before: 2 events.
  [8, "loggedIn", "jonas"],
  [10, "searched", "marco"],
  // Still in the last 30 days: 2 more.
  [20, "loggedOut", "lucia"],
  [25, "loggedIn", "giulia"],
  // The 30 days before: 3 events, between 31 and 60 days ago.
  [35, "loggedIn", "chloe"],
  [40, "searched", "giulia"],
  [45, "loggedIn", "marco"],
];

async function seedWorkspace(page: Page, ws: string, tag: string): Promise<void> {
  const ids = new Map<string, string>();
  for (const customer of CUSTOMERS) {
    const response = await page.request.post(`/api/v1/workspaces/${ws}/customers`, {
      data: {
        externalId: `${customer.key}-${tag}`,
        tags: customer.tags ?? [],
        base: {
          firstName: customer.key,
          ...(customer.gender ? { gender: customer.gender } : {}),
          ...(customer.dob ? { dob: customer.dob } : {}),
          contacts: { email: `${customer.key}.${tag}@example.com` },
          address: { country: customer.country },
        },
        ...(customer.email === undefined
          ? {}
          : { consents: { marketing: { automatic: { email: { status: customer.email } } } } }),
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    ids.set(customer.key, ((await response.json()) as { id: string }).id);
  }
  const events = EVENTS.map(([days, type, key]) => ({
    type,
    occurredAt: morningOf(days),
    customerId: ids.get(key),
    ...(type === "searched" ? { properties: { keyword: "shoes", resultCount: 3 } } : {}),
  }));
  const response = await page.request.post(`/api/v1/workspaces/${ws}/events/batch`, { data: { events } });
  const text = await response.text();
  expect(response.status(), text).toBe(200);
  expect((JSON.parse(text) as { rejected: number }).rejected, text).toBe(0);

  const view = await page.request.post(`/api/v1/workspaces/${ws}/views`, {
    data: { name: "Italians", filter: { and: [{ field: "base.address.country", op: "eq", value: "IT" }] } },
  });
  expect(view.status(), await view.text()).toBe(201);
}

/** A headline figure by its label: its big number. */
const figure = (page: Page, label: string): Locator =>
  page.getByRole("group", { name: label, exact: true }).getByTestId("figure-value");
const card = (page: Page, title: string): Locator => page.getByRole("region", { name: title, exact: true });

const CHARTS = [
  "Customer growth",
  "Gender",
  "Age",
  "Country",
  "Sources",
  "Top tags",
  "E-mail marketing consent",
  "Event trends",
];

async function expectEveryChartDrawn(page: Page): Promise<void> {
  for (const title of CHARTS) {
    const region = card(page, title);
    await expect(region.locator("svg.recharts-surface").first(), title).toBeVisible();
    await expect(region.locator(".recharts-bar-rectangle").first(), title).toBeVisible();
  }
}

/** A Mantine select by its label: open it and pick an option. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

test.describe("dashboard", () => {
  test("figures, charts, period and view, table and CSV, in light and dark mode", async ({ page }) => {
    test.setTimeout(240_000);
    const tag = uniqueTag();
    const [marketer, workspace] = await Promise.all([
      createUser("Dana Dashboard"),
      createWorkspace(`Dashboard ${tag}`),
    ]);
    await addMember(workspace, marketer, "user");
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));

    // The workspace's address opens the dashboard, its home.
    await signIn(page, marketer, `/w/${workspace.slug}/customers`);
    await page.goto(`/w/${workspace.slug}`);
    await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/dashboard$`));
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }),
    ).toHaveAttribute("aria-current", "page");
    // An empty workspace says so on every card instead of drawing zeros.
    await expect(card(page, "Customer growth")).toContainText("No customers yet");
    await expect(card(page, "Event trends")).toContainText("No events in this period");
    await expect(figure(page, "Customers")).toHaveText("0");
    await screenshot(page, "empty");

    await seedWorkspace(page, workspace.id, tag);
    await page.reload();

    // Last 30 days (the default): everyone is new today, none before.
    await expect(figure(page, "Customers")).toHaveText("6");
    await expect(figure(page, "New customers")).toHaveText("6");
    await expect(page.getByRole("group", { name: "New customers", exact: true })).toContainText(
      "none in the previous 30 days",
    );
    await expect(figure(page, "Reachable by e-mail")).toHaveText("50%");
    await expect(page.getByRole("group", { name: "Reachable by e-mail", exact: true })).toContainText(
      "3 of 6 agreed to marketing e-mails",
    );
    await expect(figure(page, "Events")).toHaveText("9");
    await expect(page.getByRole("group", { name: "Events", exact: true })).toContainText("+200%");
    await expect(page.getByRole("group", { name: "Events", exact: true })).toContainText(
      "vs 3 in the previous 30 days",
    );
    await expectEveryChartDrawn(page);
    // Tooltips: hovering a bar names its bucket with its count and share.
    await card(page, "Country").locator(".recharts-bar-rectangle").first().hover();
    await expect(card(page, "Country").getByText("Italy").last()).toBeVisible();
    await expect(card(page, "Country")).toContainText("(50%)");
    await screenshot(page, "light");

    // Another period: the last 7 days change the events and their comparison, and stay in the URL.
    await choose(page, "Period", "Last 7 days");
    await expect(page).toHaveURL(/[?&]range=7d/);
    await expect(figure(page, "Events")).toHaveText("5");
    await expect(page.getByRole("group", { name: "Events", exact: true })).toContainText("vs 2 in the previous 7 days");
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Period", exact: true })).toHaveValue("Last 7 days");
    await expect(figure(page, "Events")).toHaveText("5");

    // A custom range entirely before the customers were created: no customers yet, only the old events.
    await choose(page, "Period", "Custom range…");
    await page.getByLabel("From", { exact: true }).fill(dayAgo(60));
    await page.getByLabel("To (inclusive)").fill(dayAgo(31));
    await expect(page).toHaveURL(new RegExp(`range=custom&from=${dayAgo(60)}&to=${dayAgo(31)}`));
    await expect(figure(page, "Events")).toHaveText("3");
    await expect(figure(page, "Customers")).toHaveText("0");
    await expect(figure(page, "New customers")).toHaveText("0");
    await expect(page.getByRole("group", { name: "Customers", exact: true })).toContainText("at the end of");
    // The reachable share is for the same day, when there was nobody yet.
    await expect(figure(page, "Reachable by e-mail")).toHaveText("—");
    await expect(page.getByRole("group", { name: "Reachable by e-mail", exact: true })).toContainText(
      "no customers yet",
    );
    // By week, on request.
    await choose(page, "Group by", "By week");
    await expect(page).toHaveURL(/[?&]interval=week/);
    await expect(card(page, "Event trends")).toContainText("Events per week, by type");

    // Back to the last 30 days, for one view: the Italians.
    await choose(page, "Period", "Last 30 days");
    await choose(page, "Group by", "Automatic (by day)");
    await choose(page, "View", "Italians");
    await expect(page).toHaveURL(/[?&]view=/);
    await expect(figure(page, "Customers")).toHaveText("3");
    await expect(figure(page, "Reachable by e-mail")).toHaveText("67%");
    await expect(figure(page, "Events")).toHaveText("6");
    await expectEveryChartDrawn(page);

    // A chart as a table: the same numbers, row by row.
    const country = card(page, "Country");
    await country.getByText("Table", { exact: true }).click();
    const table = country.getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row").nth(1)).toHaveText(/Italy\s*3\s*100%/);
    await screenshot(page, "view-table");

    // CSV: the report as the API gives it for Accept: text/csv.
    const downloading = page.waitForEvent("download");
    await country.getByRole("button", { name: "Download Country as CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("composition-country.csv");
    const csv = await readFile(await download.path(), "utf8");
    expect(csv.trim().split(/\r?\n/)).toEqual(["key,count", "IT,3"]);

    const growthDownload = page.waitForEvent("download");
    await card(page, "Customer growth").getByRole("button", { name: "Download Customer growth as CSV" }).click();
    const growthCsv = (await readFile(await (await growthDownload).path(), "utf8")).trim().split(/\r?\n/);
    expect(growthCsv[0]).toBe("period,new,total");
    expect(growthCsv).toHaveLength(31);
    expect(growthCsv.at(-1)).toMatch(new RegExp(`^${dayAgo(0)},3,3$`));

    // Dark mode: every chart still drawn; the screenshot is for a person to check contrast.
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await country.getByText("Chart", { exact: true }).click();
    await expectEveryChartDrawn(page);
    await screenshot(page, "dark");
    await page.getByRole("button", { name: "Switch to light mode" }).click();

    // The old address of the reports still opens the dashboard.
    await page.goto(`/w/${workspace.slug}/reports`);
    await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/dashboard$`));
    await expect(figure(page, "Customers")).toHaveText("6");
    expect(pageErrors.map((error) => error.message)).toEqual([]);
  });

  test("the reachable share follows the end of the period, from the consent registry", async ({ page }) => {
    test.setTimeout(120_000);
    const tag = uniqueTag();
    const [marketer, workspace] = await Promise.all([createUser("Rita Reach"), createWorkspace(`Reach ${tag}`)]);
    await addMember(workspace, marketer, "user");
    await signIn(page, marketer, `/w/${workspace.slug}/customers`);

    // The API creates customers now; a past period needs customers from before, written straight to the
    // table as an import of old data would be (the report summaries' triggers count them like any row).
    const ids = await insertCustomersCreated(workspace.id, 4, morningOf(20));
    // Through the consents endpoint, dated when the customers said so: granted 15 days ago (one of them
    // withdrew 5 days ago), denied 15 days ago, never asked.
    const email = async (id: string, status: boolean, daysAgo: number) => {
      const response = await page.request.patch(`/api/v1/workspaces/${workspace.id}/customers/${id}/consents`, {
        data: { marketing: { automatic: { email: { status } } }, _meta: { occurredAt: morningOf(daysAgo) } },
      });
      expect(response.status(), await response.text()).toBe(200);
    };
    await email(ids[0], true, 15);
    await email(ids[0], false, 5);
    await email(ids[1], true, 15);
    await email(ids[2], false, 15);

    const reachable = page.getByRole("group", { name: "Reachable by e-mail", exact: true });
    await page.goto(`/w/${workspace.slug}/dashboard`);
    await expect(figure(page, "Customers")).toHaveText("4");
    await expect(figure(page, "Reachable by e-mail")).toHaveText("25%");
    await expect(reachable).toContainText("1 of 4 agreed to marketing e-mails, as of today");

    // A period that ended 10 days ago: the withdrawal had not happened yet.
    await choose(page, "Period", "Custom range…");
    await page.getByLabel("From", { exact: true }).fill(dayAgo(30));
    await page.getByLabel("To (inclusive)").fill(dayAgo(10));
    await expect(figure(page, "Reachable by e-mail")).toHaveText("50%");
    const endLabel = await page.getByRole("group", { name: "Customers", exact: true }).innerText();
    const day = /at the end of (.+)$/m.exec(endLabel)?.[1];
    expect(day, endLabel).toBeTruthy();
    await expect(reachable).toContainText(`2 of 4 agreed to marketing e-mails, at the end of ${day}`);
    await expect(figure(page, "Customers")).toHaveText("4");
    // The consent chart follows the same day: two granted, one denied, one never asked then.
    const consentCard = card(page, "E-mail marketing consent");
    await expect(consentCard).toContainText(`Who may receive marketing e-mails, at the end of ${day}`);
    await screenshotAt(page, "reach-past");
    await consentCard.getByText("Table", { exact: true }).click();
    await expect(consentCard.getByRole("row", { name: /Granted/ })).toContainText("2");
    await expect(consentCard.getByRole("row", { name: /Denied/ })).toContainText("1");

    // Ended 18 days ago: the customers were there, none had said yes.
    await page.getByLabel("To (inclusive)").fill(dayAgo(18));
    await expect(figure(page, "Reachable by e-mail")).toHaveText("0%");
    await expect(reachable).toContainText("0 of 4 agreed to marketing e-mails, at the end of");
    await expect(consentCard.getByRole("row", { name: /Not asked/ })).toContainText("4");
  });
});
