// Issue 17: merge with a preview (both profiles side by side, a chosen address surviving whole), and
// creating and editing customers in the UI (every base field, lists item by item) with the API's
// validation under each field. Each dialog is scanned by axe in light and dark mode and photographed at
// 1440 px and on a 390 px phone.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 15_000 });
const SCREEN_DIR = path.resolve(import.meta.dirname, "../test-results/screens-merge");

/** The open dialog in light and dark, desktop and phone: axe-checked and photographed. */
async function checkDialog(page: Page, name: string): Promise<void> {
  const found: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, width, height] of [
      ["desktop", 1440, 900],
      ["phone", 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(400);
      // The viewport: a dialog is fixed to the screen, and the page under it is not what is looked at.
      await page.screenshot({ path: path.join(SCREEN_DIR, `${name}-${scheme}-${label}.png`) });
      if (label === "desktop") {
        const result = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
        found.push(
          ...result.violations
            .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
            .map((violation) => `${name} ${scheme}: ${violation.id} ${violation.nodes[0]?.target.join(" ")}`),
        );
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(found).toEqual([]);
}

async function post(page: Page, url: string, data: unknown): Promise<string> {
  const response = await page.request.post(url, { data });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.describe("customers in the UI", () => {
  test("merge preview shows both profiles and a chosen address survives whole", async ({ page }) => {
    test.setTimeout(180_000);
    const tag = uniqueTag();
    const [admin, workspace] = await Promise.all([createUser("Mira Merger"), createWorkspace(`Merge ${tag}`)]);
    await addMember(workspace, admin, "admin");
    await signIn(page, admin, `/w/${workspace.slug}/customers`);
    const customers = `/api/v1/workspaces/${workspace.id}/customers`;
    const annaId = await post(page, customers, {
      base: {
        firstName: "Anna",
        lastName: "Weber",
        contacts: { email: `anna.${tag}@example.com` },
        address: { street: "Unter den Linden 5", zip: "10117", city: "Berlin", country: "DE" },
      },
    });
    // Newer, so without a choice its address would win (whole, never mixed).
    await post(page, customers, {
      base: {
        firstName: "Anne",
        lastName: "Weber",
        contacts: { email: `anne.${tag}@example.org` },
        address: { zip: "10919", city: "Verona", province: "VE", country: "IT" },
      },
    });

    await page.goto(`/w/${workspace.slug}/customers/${annaId}`);
    await expect(page.getByRole("heading", { name: "Anna Weber", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Merge with…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Search for duplicates").fill("Weber");
    await dialog.getByRole("checkbox", { name: "Anne Weber" }).check();
    await dialog.getByRole("button", { name: "Compare 1 profile" }).click();

    const table = dialog.getByRole("table", { name: "Profiles compared" });
    await expect(table.getByRole("columnheader", { name: "This profile" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Anne Weber" })).toBeVisible();
    const address = table.locator('tr[data-field="base.address"]');
    const after = address.locator("td").last();
    await expect(after).toHaveText("10919 Verona VE, Italy");
    await expect(address.getByRole("radio", { name: /keep 10919 Verona VE, Italy from Anne Weber/ })).toBeChecked();

    await address.getByRole("radio", { name: /Address: keep Unter den Linden 5, 10117 Berlin, Germany/ }).check();
    await expect(after).toHaveText("Unter den Linden 5, 10117 Berlin, Germany");
    // The e-mail follows its own rule, independently of the address.
    await expect(table.locator('tr[data-field="base.contacts.email"] td').last()).toHaveText(`anne.${tag}@example.org`);
    await checkDialog(page, "merge-preview");

    await dialog.getByRole("button", { name: "Merge 1 profile into this customer" }).click();
    await expect(dialog).toBeHidden();
    const profile = page.getByRole("main");
    await expect(profile.getByText("Unter den Linden 5")).toBeVisible();
    await expect(profile.getByText("10117 Berlin")).toBeVisible();
    await expect(profile.getByText("Verona")).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Merges" }).getByText("Merged by hand")).toBeVisible();
  });

  test("create a customer (bad e-mail shown under its field, then fixed), edit the name and the lists, add a tag and an identity", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const tag = uniqueTag();
    const [marketer, guest, workspace] = await Promise.all([
      createUser("Uma User"),
      createUser("Gus Guest"),
      createWorkspace(`Edit ${tag}`),
    ]);
    await addMember(workspace, marketer, "user");
    await addMember(workspace, guest, "guest");
    await signIn(page, marketer, `/w/${workspace.slug}/customers`);

    await page.getByRole("button", { name: "New customer" }).click();
    const dialog = page.getByRole("dialog", { name: "New customer" });
    await dialog.getByLabel("First name").fill("Marco");
    await dialog.getByLabel("Last name").fill("Bruni");
    const email = dialog.getByLabel("E-mail");
    await email.fill(`marco.${tag}@`);
    await dialog.getByRole("button", { name: "Create customer" }).click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    // Mantine links the error to its input: the message is the e-mail field's own.
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.includes("error"));
    expect(errorId, describedBy).toBeTruthy();
    await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Must be a valid e-mail address");
    await checkDialog(page, "create-customer-error");

    await email.fill(`marco.${tag}@example.com`);
    await dialog.getByRole("button", { name: "Create customer" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { name: "Marco Bruni", level: 1 })).toBeVisible();
    const customerUrl = page.url();

    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const edit = page.getByRole("dialog", { name: "Edit Marco Bruni" });
    await expect(edit.getByLabel("E-mail")).toHaveValue(`marco.${tag}@example.com`);
    await edit.getByLabel("First name").fill("Marcello");
    // The lists of the base are edited item by item; an item's own field carries the API's message.
    await edit.getByRole("button", { name: "Add job" }).click();
    const job = edit.getByRole("group", { name: "Job 1" });
    await job.getByLabel("Job title").fill("Designer");
    await job.getByLabel("Company").fill("Acme");
    await edit.getByRole("button", { name: "Add education" }).click();
    const education = edit.getByRole("group", { name: "Education 1" });
    await education.getByLabel("School", { exact: true }).fill("Politecnico");
    const startYear = education.getByLabel("Start year");
    await startYear.fill("19");
    await edit.getByRole("button", { name: "Add subscription" }).click();
    const subscription = edit.getByRole("group", { name: "Subscription 1" });
    await subscription.getByLabel("Name").fill("Newsletter");
    await subscription.getByRole("button", { name: "Add preference" }).click();
    await subscription.getByRole("group", { name: "Preference 1" }).getByLabel("Key").fill("topic");
    await subscription.getByRole("group", { name: "Preference 1" }).getByLabel("Value").fill("shoes");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(startYear).toHaveAttribute("aria-invalid", "true");
    await expect(education.getByText("Must be a four-digit year")).toBeVisible();
    await checkDialog(page, "edit-customer");
    await startYear.fill("2019");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole("heading", { name: "Marcello Bruni", level: 1 })).toBeVisible();
    const profileCard = page.getByRole("main");
    await expect(profileCard.getByText("Designer at Acme")).toBeVisible();
    await expect(profileCard.getByText("Politecnico · 2019")).toBeVisible();
    await expect(profileCard.getByText("Newsletter", { exact: true })).toBeVisible();

    // Removing an item sends the list without it; the other lists stay as they are.
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const again = page.getByRole("dialog", { name: "Edit Marcello Bruni" });
    await expect(again.getByRole("group", { name: "Preference 1" }).getByLabel("Value")).toHaveValue("shoes");
    await again.getByRole("button", { name: "Remove job 1" }).click();
    await expect(again.getByRole("group", { name: "Job 1" })).toHaveCount(0);
    await again.getByRole("button", { name: "Save changes" }).click();
    await expect(again).toBeHidden();
    await expect(profileCard.getByText("Designer at Acme")).toHaveCount(0);
    await expect(profileCard.getByText("Politecnico · 2019")).toBeVisible();
    const saved = await page.request.get(
      `/api/v1/workspaces/${workspace.id}/customers/${page.url().split("/").pop() ?? ""}`,
    );
    const savedBase = ((await saved.json()) as { base: Record<string, unknown> }).base;
    expect(savedBase.jobs ?? null).toBeNull();
    expect(savedBase.subscriptions).toEqual([{ name: "Newsletter", preferences: [{ key: "topic", value: "shoes" }] }]);

    const tags = page.getByRole("combobox", { name: "Tags" });
    await tags.fill("vip");
    await tags.press("Enter");
    await expect(page.getByLabel("Saving tags")).toHaveCount(0);
    await page.getByLabel("Identity value").fill("+39 347 123 4567");
    const identityType = page.getByRole("combobox", { name: "Identity type" });
    await identityType.fill("mobilePhone");
    await identityType.press("Escape");
    await page.getByRole("button", { name: "Attach" }).click();
    const identities = page.getByRole("table", { name: "Identities" });
    await expect(identities.getByText("Mobile phone")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Marcello Bruni", level: 1 })).toBeVisible();
    await expect(page.getByText("vip", { exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "Identities" }).getByText("Mobile phone")).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: path.join(SCREEN_DIR, "customer-after-edit-light-desktop.png"), fullPage: true });

    // Guests read but do not change customers: no such buttons.
    const guestContext = await browser.newContext();
    const guestPage = await guestContext.newPage();
    await signIn(guestPage, guest, customerUrl.replace(/^https?:\/\/[^/]+/, ""));
    await expect(guestPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(guestPage.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
    await guestPage.goto(`/w/${workspace.slug}/customers`);
    await expect(guestPage.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    await expect(guestPage.getByRole("button", { name: "New customer" })).toHaveCount(0);
    await guestContext.close();
  });
});
