// The schema and identity rules settings as an admin uses them — add an extended property (and see a
// validation error on its field first), edit and disable it, declare a custom event type, switch off a
// standard one, change the identity rules — each checked after a reload; then a Guest of the same
// workspace sees it all read-only. The test makes its own users and workspace with the CLI.
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, type TestUser } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

// A loaded machine (builds next to the tests) can make the server slower than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

/** Screens are written to /tmp so that they can be looked at after the run; a dialog as the window shows it. */
async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.screenshot({ path: `/tmp/settings-${name}.png`, fullPage });
}

const settingsNav = (page: Page) => page.getByRole("navigation", { name: "Settings" });

async function signInFresh(browser: Browser, user: TestUser, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user, path);
  return page;
}

test.describe("schema and identity rules settings", () => {
  // A missing element fails its step quickly instead of using up the whole test's time.
  test.use({ actionTimeout: 20_000 });

  test("an admin extends the schema and changes identity rules; a guest sees them read-only", async ({ browser }) => {
    test.setTimeout(240_000);
    const admin = await createUser("Ada Schema");
    const guest = await createUser("Gus Schema");
    const workspace = await createWorkspace("Schema Works");
    await addMember(workspace, admin, "admin");
    await addMember(workspace, guest, "guest");

    const page = await signInFresh(browser, admin, "/settings/schema");
    await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/settings/schema$`));

    await test.step("add an extended property, after a validation error on its name", async () => {
      await expect(page.getByText("No extended properties yet")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Standard profile" })).toBeVisible();
      await page.getByRole("button", { name: "Add property" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("1tier");
      await dialog.getByRole("combobox", { name: "Type" }).click();
      await page.getByRole("option", { name: "One of a list" }).click();
      await dialog.getByRole("textbox", { name: "Label", exact: true }).fill("Loyalty tier");
      await dialog.getByLabel("Allowed values").fill("silver");
      await dialog.getByLabel("Allowed values").press("Enter");
      await dialog.getByLabel("Allowed values").fill("gold");
      await dialog.getByLabel("Allowed values").press("Enter");
      await dialog.getByRole("button", { name: "Add property" }).click();
      // The API's 422 names properties.0.name: the message sits under the Name input.
      await expect(dialog.getByText("Names start with a letter, then letters, digits or _ (at most 63)")).toBeVisible();
      await screenshot(page, "schema-property-error", { fullPage: false });
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("loyaltyTier");
      await dialog.getByRole("button", { name: "Add property" }).click();
      await expect(dialog).toBeHidden();

      await page.reload();
      const row = page.getByTestId("extended-property-loyaltyTier");
      await expect(row).toContainText("Loyalty tier");
      await expect(row).toContainText("silver, gold");
    });

    await test.step("edit the property (name and type are fixed), then disable it instead of deleting", async () => {
      const row = page.getByTestId("extended-property-loyaltyTier");
      await page.getByRole("button", { name: "Actions for loyaltyTier" }).click();
      await page.getByRole("menuitem", { name: "Edit" }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("textbox", { name: "Name", exact: true })).toBeDisabled();
      await dialog.getByLabel("Allowed values").fill("platinum");
      await dialog.getByLabel("Allowed values").press("Enter");
      await screenshot(page, "schema-edit-property", { fullPage: false });
      await dialog.getByRole("button", { name: "Save changes" }).click();
      await expect(dialog).toBeHidden();
      await expect(row).toContainText("silver, gold, platinum");

      await page.getByRole("button", { name: "Actions for loyaltyTier" }).click();
      await page.getByRole("menuitem", { name: "Disable" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Disable property" }).click();
      await expect(page.getByRole("dialog")).toBeHidden();

      await page.reload();
      await expect(row).toContainText("silver, gold, platinum");
      await expect(row).toContainText("Disabled");
      await screenshot(page, "schema-customer");
    });

    await test.step("declare a custom event type and switch off a standard one", async () => {
      await page.getByRole("tab", { name: "Event types" }).click();
      await expect(page).toHaveURL(/\?tab=events$/);
      await page.getByRole("button", { name: "New event type" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("bookedTestDrive");
      await dialog.getByRole("textbox", { name: "Label", exact: true }).fill("Booked a test drive");
      await dialog.getByRole("button", { name: "Add property" }).click();
      await dialog.getByLabel("Name of property 1").fill("model");
      await dialog.getByLabel("Required").check();
      await dialog.getByRole("button", { name: "Add property" }).click();
      await dialog.getByLabel("Name of property 2").fill("fuel");
      await dialog.getByRole("combobox", { name: "Kind of property 2" }).click();
      await page.getByRole("option", { name: "One of a list" }).click();
      await dialog.getByLabel("Allowed values of property 2").fill("petrol");
      await dialog.getByLabel("Allowed values of property 2").press("Enter");
      await screenshot(page, "schema-new-event-type", { fullPage: false });
      await dialog.getByRole("button", { name: "Create event type" }).click();
      await expect(dialog).toBeHidden();

      // Switching a standard type off asks first, since its events are refused from then on.
      await page.getByRole("switch", { name: "Viewed a page enabled" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Disable event type" }).click();
      await expect(page.getByRole("dialog")).toBeHidden();

      await page.reload();
      const row = page.getByTestId("event-type-bookedTestDrive");
      await expect(row).toContainText("Booked a test drive");
      await expect(row).toContainText("fuel (one of a list) · model (text, required)");
      await expect(row.getByRole("switch")).toBeChecked();
      await expect(page.getByRole("switch", { name: "Viewed a page enabled" })).not.toBeChecked();
      await screenshot(page, "schema-event-types");
    });

    await test.step("add mobile phone to the identity rules, confirming the change", async () => {
      await settingsNav(page).getByRole("link", { name: "Identity rules" }).click();
      await expect(page.getByTestId("match-rule-externalId")).toContainText("1");
      await expect(page.getByTestId("match-rule-email")).toContainText("2");
      await page.getByRole("combobox", { name: "Identity to add" }).click();
      await page.getByRole("option", { name: "Mobile phone" }).click();
      await page.getByRole("button", { name: "Add", exact: true }).click();
      await page.getByRole("button", { name: "Move Mobile phone up" }).click();
      await page.getByRole("button", { name: "Save rules" }).click();
      const confirm = page.getByRole("dialog");
      await expect(confirm).toContainText("Mobile phone will now link records to a customer.");
      await expect(confirm).toContainText("apply to every record received from now on");
      await screenshot(page, "identity-rules-confirm", { fullPage: false });
      await confirm.getByRole("button", { name: "Save rules" }).click();
      await expect(confirm).toBeHidden();

      await page.reload();
      await expect(page.getByTestId("match-rule-mobilePhone")).toContainText("Mobile phone");
      const saved = await page.request.get(`/api/v1/workspaces/${workspace.id}/identity-rules`);
      expect((await saved.json()).match).toEqual([
        { identity: "externalId", caseSensitive: true, priority: 1 },
        { identity: "mobilePhone", caseSensitive: false, priority: 2 },
        { identity: "email", caseSensitive: false, priority: 3 },
      ]);
      await screenshot(page, "identity-rules");
    });

    await test.step("a guest sees the same schema and rules, read-only", async () => {
      const guestPage = await signInFresh(browser, guest, "/settings/schema");
      await expect(guestPage.getByText("Only admins can manage the schema")).toBeVisible();
      await expect(guestPage.getByTestId("extended-property-loyaltyTier")).toContainText("Loyalty tier");
      await expect(guestPage.getByRole("button", { name: "Add property" })).toHaveCount(0);
      await expect(guestPage.getByRole("button", { name: "Actions for loyaltyTier" })).toHaveCount(0);
      await screenshot(guestPage, "guest-schema");

      await guestPage.getByRole("tab", { name: "Event types" }).click();
      await expect(guestPage.getByTestId("event-type-bookedTestDrive")).toContainText("Booked a test drive");
      await expect(guestPage.getByRole("switch", { name: "Booked a test drive enabled" })).toBeDisabled();
      await expect(guestPage.getByRole("button", { name: "New event type" })).toHaveCount(0);
      await expect(guestPage.getByRole("button", { name: /Change the label/ })).toHaveCount(0);

      await settingsNav(guestPage).getByRole("link", { name: "Identity rules" }).click();
      await expect(guestPage.getByText("Only admins can manage identity rules")).toBeVisible();
      await expect(guestPage.getByTestId("match-rule-mobilePhone")).toContainText("2");
      await expect(guestPage.getByRole("button", { name: "Save rules" })).toHaveCount(0);
      await expect(guestPage.getByRole("button", { name: "Identity to add" })).toHaveCount(0);
      await expect(guestPage.getByRole("combobox", { name: "Identity to add" })).toHaveCount(0);
      await expect(guestPage.getByRole("switch", { name: "Match exact case" }).first()).toBeDisabled();
      await screenshot(guestPage, "guest-identity-rules");
      await guestPage.context().close();
    });
    await page.context().close();
  });
});
