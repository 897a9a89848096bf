// The marketer's loop (issue 17): the audience size while a filter is built, on every view and in the
// export dialog; the explorer's and the events screen's state in the URL (reload, Back, a shared link);
// and no critical or serious axe violation on the screens a marketer walks through, in light and dark.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { photographAtEachSize } from "./helpers/screenshots";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 15_000 });
const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../test-results/screenshots");

function shoot(page: Page, name: string): Promise<void> {
  return photographAtEachSize(page, (size) => path.join(SCREENSHOT_DIR, `loop-${name}-${size}.png`), {
    // The phone layout's navigation slides away: a shot taken at once caught it half-way.
    settleMs: 300,
  });
}

async function seed(page: Page, ws: string, tag: string): Promise<void> {
  const people = [
    { firstName: "Giulia", lastName: "Bianchi", country: "IT", tags: ["vip"] },
    { firstName: "Marco", lastName: "Verdi", country: "IT", tags: [] },
    { firstName: "Chloé", lastName: "Martin", country: "FR", tags: ["vip"] },
  ];
  for (const [index, person] of people.entries()) {
    const response = await page.request.post(`/api/v1/workspaces/${ws}/customers`, {
      data: {
        externalId: `L-${index}-${tag}`,
        tags: person.tags,
        base: {
          firstName: person.firstName,
          lastName: person.lastName,
          contacts: {
            email: `${person.firstName
              .normalize("NFD")
              .replace(/[\u0300-\u036f]/g, "")
              .toLowerCase()}.${tag}@example.com`,
          },
          address: { country: person.country },
        },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
}

async function setUp(page: Page) {
  const tag = uniqueTag();
  const [user, workspace] = await Promise.all([createUser("Lena Loop"), createWorkspace(`Loop ${tag}`)]);
  await addMember(workspace, user, "admin");
  await signIn(page, user, `/w/${workspace.slug}/customers`);
  await seed(page, workspace.id, tag);
  return { tag, workspace, base: `/w/${workspace.slug}` };
}

const ITALY = JSON.stringify({ field: "base.address.country", op: "eq", value: "IT" });

test.describe("the marketer's loop", () => {
  test("audience counts in the explorer, the views list and the export dialog", async ({ page }) => {
    test.setTimeout(120_000);
    const { workspace, base } = await setUp(page);
    await page.goto(`${base}/customers`);
    await expect(page.getByTestId("audience-count")).toHaveText("Audience: 3 customers");
    await expect(page.getByText("Showing 1–3 of 3")).toBeVisible();

    // A filter in the URL is loaded into the builder, and the count follows it.
    await page.goto(`${base}/customers?filter=${encodeURIComponent(ITALY)}`);
    await expect(page.getByTestId("audience-count")).toHaveText("Audience: 2 customers");
    await page.getByRole("textbox", { name: "Search customers" }).fill("verdi");
    await expect(page.getByTestId("audience-count")).toHaveText("Audience: 1 customer");
    await shoot(page, "explorer-count");

    await page.getByRole("button", { name: "Download CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Download CSV" });
    await expect(dialog.getByTestId("export-count")).toHaveText("1 customer");
    await expect(dialog.getByRole("button", { name: "Close" })).toBeVisible();
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download" }).click();
    await download;
    await expect(dialog).toBeHidden();

    const view = await page.request.post(`/api/v1/workspaces/${workspace.id}/views`, {
      data: { name: "VIPs", filter: { tag: "vip" } },
    });
    expect(view.status()).toBe(201);
    const viewId = ((await view.json()) as { id: string }).id;
    await page.goto(`${base}/views`);
    await expect(page.getByTestId(`view-count-${viewId}`)).toHaveText("2 customers");
    await shoot(page, "views-counts");
    await page.getByRole("link", { name: "VIPs" }).click();
    await expect(page.getByTestId("audience-count")).toHaveText("Audience: 2 customers");
  });

  test("explorer search, filter, sort and page size survive reload and Back; events filters too", async ({ page }) => {
    test.setTimeout(120_000);
    const { base } = await setUp(page);
    await page.goto(`${base}/customers`);
    await page.getByRole("textbox", { name: "Search customers" }).fill("bianchi");
    await expect(page).toHaveURL(/[?&]q=bianchi/);
    // Mantine names the picker's listbox after the picker too: the combobox is the control to drive.
    await page.getByRole("combobox", { name: "Sort", exact: true }).click();
    await page
      .getByRole("option", { name: /oldest/i })
      .first()
      .click();
    await expect(page).toHaveURL(/sort=createdAt/);
    await page.getByRole("combobox", { name: "Rows per page", exact: true }).click();
    await page.getByRole("option", { name: "25" }).click();
    await expect(page).toHaveURL(/size=25/);

    await page.reload();
    await expect(page.getByRole("textbox", { name: "Search customers" })).toHaveValue("bianchi");
    await expect(page.getByTestId("audience-count")).toHaveText("Audience: 1 customer");
    await expect(page.getByRole("combobox", { name: "Rows per page", exact: true })).toHaveValue("25");
    await expect(page.getByRole("combobox", { name: "Sort", exact: true })).toHaveValue("Oldest first");

    // Open the customer, come Back: the same search is there.
    await page
      .getByRole("link", { name: /Giulia/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}/);
    await page.goBack();
    await expect(page.getByRole("textbox", { name: "Search customers" })).toHaveValue("bianchi");

    // A shared link with a filter shows the same audience in a fresh page.
    const shared = `${base}/customers?filter=${encodeURIComponent(ITALY)}&size=100`;
    const other = await page.context().newPage();
    await other.goto(shared);
    // A fresh tab loads the whole app first: on a loaded machine that takes longer than a screen change.
    await expect(other.getByTestId("audience-count")).toHaveText("Audience: 2 customers", { timeout: 30_000 });
    await other.close();

    await page.goto(`${base}/events?range=7d&context=WEB`);
    await page.reload();
    await expect(page).toHaveURL(/range=7d/);
    // The chosen range is the picker's value, the chosen context a pill in the filter bar (options are hidden).
    await expect(page.getByRole("combobox", { name: "When", exact: true })).toHaveValue("Last 7 days");
    const filters = page.getByRole("search", { name: "Filter events" });
    await expect(filters.getByText("Web", { exact: true })).toBeVisible();
    // Back from a changed range returns to the shared one.
    await page.getByRole("combobox", { name: "When", exact: true }).click();
    await page.getByRole("option", { name: "Last 30 days" }).click();
    await expect(page).toHaveURL(/range=30d/);
    await page.goBack();
    await expect(page).toHaveURL(/range=7d/);
    await expect(page.getByRole("combobox", { name: "When", exact: true })).toHaveValue("Last 7 days");
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`no critical or serious axe violations on the marketer's screens (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      const { base } = await setUp(page);
      const screens = ["/dashboard", "/customers", "/events", "/views", "/settings/workspace", "/settings/members"];
      const found: string[] = [];
      for (const screen of screens) {
        await page.goto(`${base}${screen}`);
        await page.getByRole("main").waitFor();
        await page.waitForLoadState("networkidle");
        const result = await new AxeBuilder({ page }).analyze();
        for (const violation of result.violations) {
          if (violation.impact === "critical" || violation.impact === "serious") {
            found.push(
              `${screen}: ${violation.id} (${violation.nodes.length}) ${violation.nodes
                .slice(0, 3)
                .map((node) => node.target.join(" "))
                .join(" | ")}`,
            );
          }
        }
      }
      expect(found, found.join("\n")).toEqual([]);
    });
  }

  test("a skip link leads past the navigation", async ({ page }) => {
    test.setTimeout(90_000);
    const { base } = await setUp(page);
    // On every kind of screen the first Tab (once the screen is there) lands on the skip link.
    for (const screen of ["/views", "/customers", "/dashboard", "/settings/members"]) {
      await page.goto(`${base}${screen}`);
      await page.getByRole("main").waitFor();
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press("Enter");
      await expect(page.locator("#main-content")).toBeFocused();
    }
  });
});
