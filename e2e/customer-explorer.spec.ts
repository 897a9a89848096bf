// The customer explorer as a marketer uses it: search, filter by country and tag, save the filter as a
// (masked) view, open a customer, merge two duplicates and undo the merge. The test makes its own admin,
// workspace and customers (through the API with the browser's session), so it never depends on the seed.
import path from "node:path";
import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

// This machine builds and tests in parallel with other work: allow a loaded server more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../test-results/screenshots");

/** Kept outside Playwright's output dir (wiped on every run) so that they can be looked at afterwards. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `explorer-${name}.png`), fullPage: true });
}

interface NewCustomer {
  externalId: string;
  firstName: string;
  lastName: string;
  email: string;
  country: string;
  city: string;
  tags?: string[];
}

async function createCustomer(page: Page, ws: string, customer: NewCustomer): Promise<string> {
  const { externalId, firstName, lastName, email, country, city, tags = [] } = customer;
  const response = await page.request.post(`/api/v1/workspaces/${ws}/customers`, {
    data: { externalId, tags, base: { firstName, lastName, contacts: { email }, address: { country, city } } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A Mantine select: type to narrow the options, then pick one. */
async function choose(input: Locator, page: Page, typed: string, option: string | RegExp): Promise<void> {
  await input.click();
  await input.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

const results = (page: Page) => page.getByRole("table").first().locator("tbody tr");

test.describe("customer explorer", () => {
  test("search, filter, save a view, open a customer, merge duplicates and undo", async ({ page }) => {
    test.setTimeout(240_000);
    const tag = uniqueTag();
    const [marketer, workspace] = await Promise.all([createUser("Marta Marketer"), createWorkspace(`Explorer ${tag}`)]);
    // Merging and undoing merges are admin actions (docs/api.md, roles).
    await addMember(workspace, marketer, "admin");
    await signIn(page, marketer, `/w/${workspace.slug}/customers`);
    await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/customers`));

    const ws = workspace.id;
    await createCustomer(page, ws, {
      externalId: `A-${tag}`,
      firstName: "Giulia",
      lastName: "Bianchi",
      email: `giulia.${tag}@example.com`,
      country: "IT",
      city: "Milano",
      tags: ["vip"],
    });
    await createCustomer(page, ws, {
      externalId: `B-${tag}`,
      firstName: "Marco",
      lastName: "Verdi",
      email: `marco.${tag}@example.com`,
      country: "IT",
      city: "Roma",
    });
    await createCustomer(page, ws, {
      externalId: `C-${tag}`,
      firstName: "Chloé",
      lastName: "Martin",
      email: `chloe.${tag}@example.com`,
      country: "FR",
      city: "Lyon",
      tags: ["vip"],
    });
    // The same person twice: different e-mails and CRM ids, so identity resolution kept them apart.
    const survivorId = await createCustomer(page, ws, {
      externalId: `CRM-${tag}`,
      firstName: "Lucia",
      lastName: "Ferrari",
      email: `lucia.${tag}@example.com`,
      country: "IT",
      city: "Torino",
      tags: ["vip"],
    });
    const duplicateId = await createCustomer(page, ws, {
      externalId: `SHOP-${tag}`,
      firstName: "Lucia",
      lastName: "Ferrari",
      email: `l.ferrari.${tag}@example.com`,
      country: "IT",
      city: "Torino",
    });

    await page.reload();
    await expect(results(page)).toHaveCount(5);

    // A column added without a view is remembered for this workspace.
    await page.getByRole("button", { name: "Columns" }).click();
    await choose(page.getByRole("combobox", { name: "Add a column" }), page, "Birth", "Birth date");
    await expect(page.getByRole("columnheader", { name: "Birth date" })).toBeVisible();
    await screenshot(page, "columns");
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.getByRole("columnheader", { name: "Birth date" })).toBeVisible();

    // Free-text search.
    const search = page.getByLabel("Search customers");
    await search.fill("Ferrari");
    await expect(results(page)).toHaveCount(2);
    await search.fill("");
    await expect(results(page)).toHaveCount(5);

    // A filter typed as JSON: what the API refuses is shown with the field it names.
    await page.getByRole("button", { name: "Edit the filter as JSON" }).click();
    await page
      .getByLabel("Filter (JSON)")
      .fill('{ "and": [{ "field": "extended.loyalty", "op": "exists", "value": true }] }');
    await expect(page.getByText(/filter\.and\.0\.field: Unknown extended property "loyalty"/)).toBeVisible();
    await screenshot(page, "json-error");
    await page.getByRole("button", { name: "Clear filter" }).click();
    await expect(results(page)).toHaveCount(5);

    // Country is Italy, and has tag vip.
    await page.getByRole("button", { name: "Country", exact: true }).click();
    const rows = page.getByTestId("filter-row");
    await choose(rows.nth(0).getByLabel("Value"), page, "Italy", "Italy (IT)");
    await expect(results(page)).toHaveCount(4);
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    await rows.nth(1).getByLabel("Value").fill("vip");
    await expect(results(page)).toHaveCount(2);
    await expect(results(page).filter({ hasText: "Giulia Bianchi" })).toHaveCount(1);
    await expect(results(page).filter({ hasText: "Lucia Ferrari" })).toHaveCount(1);
    await screenshot(page, "filtered");

    // Save it as a view that masks personal data.
    await page.getByRole("button", { name: "Save as view" }).click();
    const saveDialog = page.getByRole("dialog", { name: "Save as view" });
    await saveDialog.getByLabel("Name").fill("Italian VIPs");
    await saveDialog.getByLabel("Mask personal data").check();
    await saveDialog.getByRole("button", { name: "Save view" }).click();
    await expect(saveDialog).toBeHidden();
    await expect(page).toHaveURL(/[?&]view=/);
    await expect(page.getByRole("combobox", { name: "View", exact: true })).toHaveValue("Italian VIPs");
    await expect(page.getByText("Masked", { exact: true })).toBeVisible();
    // Read through the view, names come masked.
    await expect(results(page)).toHaveCount(2);
    await expect(results(page).filter({ hasText: "G*** B***" })).toHaveCount(1);
    await screenshot(page, "masked-view");

    // The view is listed on the Views screen.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Views" }).click();
    await expect(page.getByRole("table", { name: "Views" }).getByRole("link", { name: "Italian VIPs" })).toBeVisible();
    await expect(page.getByText("Country is Italy and has tag vip")).toBeVisible();

    // Back to everyone; open Lucia Ferrari (the one from the CRM).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    await expect(results(page)).toHaveCount(5);
    await page.getByLabel("Search customers").fill(`CRM-${tag}`);
    await expect(results(page)).toHaveCount(1);
    await results(page).getByRole("link", { name: "Lucia Ferrari" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${survivorId}$`));
    await expect(page.getByRole("heading", { name: "Lucia Ferrari", level: 1 })).toBeVisible();
    await expect(page.getByText(`lucia.${tag}@example.com`).first()).toBeVisible();
    await expect(page.getByText("This profile has never been merged.")).toBeVisible();
    await screenshot(page, "customer");

    // Merge the duplicate into this profile.
    await page.getByRole("button", { name: "Merge with…" }).click();
    const mergeDialog = page.getByRole("dialog");
    await expect(mergeDialog.getByLabel("Search for duplicates")).toHaveValue("Lucia Ferrari");
    const candidate = mergeDialog.getByRole("checkbox", { name: "Lucia Ferrari" });
    await expect(candidate).toHaveCount(1);
    await candidate.check();
    await screenshot(page, "merge-modal");
    await mergeDialog.getByRole("button", { name: "Compare 1 profile" }).click();
    await expect(mergeDialog.getByRole("table", { name: "Profiles compared" })).toBeVisible();
    await mergeDialog.getByRole("button", { name: "Merge 1 profile into this customer" }).click();
    await expect(mergeDialog).toBeHidden();
    const identities = page.getByRole("table", { name: "Identities" });
    await expect(identities.getByText(`l.ferrari.${tag}@example.com`)).toBeVisible();
    const merges = page.getByRole("table", { name: "Merges" });
    await expect(merges.getByRole("row")).toHaveCount(2);
    await expect(merges.getByText("Merged by hand")).toBeVisible();

    // The duplicate's old address now opens the survivor and says so. (Followed inside the app, as a link
    // would be: a reload would also forget the duplicate's name, which the API no longer gives.)
    await page.evaluate((url) => {
      window.history.pushState({}, "", url);
      window.dispatchEvent(new PopStateEvent("popstate"));
    }, `/w/${workspace.slug}/customers/${duplicateId}`);
    await expect(page).toHaveURL(new RegExp(`/customers/${survivorId}$`));
    await expect(page.getByText("This profile was merged into Lucia Ferrari")).toBeVisible();

    // Undo the merge: the confirmation names both customers.
    await merges.getByRole("button", { name: "Undo" }).click();
    const undoDialog = page.getByRole("dialog", { name: "Undo merge" });
    await expect(undoDialog).toContainText("Lucia Ferrari");
    await expect(undoDialog).toContainText(duplicateId.slice(-8));
    await screenshot(page, "undo-confirm");
    await undoDialog.getByRole("button", { name: "Undo merge" }).click();
    await expect(undoDialog).toBeHidden();
    await expect(page.getByText("Merge undone")).toBeVisible();
    await expect(merges.getByText("Undone")).toBeVisible();
    await expect(page.getByText("This profile was merged into Lucia Ferrari")).toHaveCount(0);
    await expect(identities.getByText(`l.ferrari.${tag}@example.com`)).toHaveCount(0);

    // The restored duplicate is a customer of its own again.
    await page.getByRole("link", { name: "Open the restored profile" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${duplicateId}$`));
    await expect(page.getByText(`l.ferrari.${tag}@example.com`).first()).toBeVisible();
  });
});
