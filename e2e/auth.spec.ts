// Signing in and out through the real OAuth2 flow (NextAuth → the built-in authorization server at
// /oauth → back into the app), the workspace switcher, and what a Guest may not do. Each test makes its
// own users and workspaces with the atrium CLI.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace } from "./helpers/accounts";
import { OAUTH_SIGN_IN_URL, signIn, submitSignIn } from "./helpers/sign-in";

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../test-results/screenshots");

/** Kept outside Playwright's output dir (wiped on every run) so that they can be looked at afterwards. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `auth-${name}.png`), fullPage: true });
}

const header = (page: Page) => page.getByRole("banner");
const switcher = (page: Page) => header(page).getByRole("button", { name: /Switch workspace/ });

test.describe("authentication", () => {
  test("signs in, switches workspace, manages members and API clients, and signs out", async ({ page }) => {
    test.setTimeout(180_000);
    // One CLI call at a time: in parallel on a loaded machine they can outlast a database transaction's timeout.
    const ada = await createUser("Ada Lovelace");
    const grace = await createUser("Grace Hopper");
    const contoso = await createWorkspace("Contoso Travel");
    const northwind = await createWorkspace("Northwind Retail");
    await addMember(contoso, ada, "admin");
    await addMember(northwind, ada, "admin");
    await addMember(northwind, grace, "user");

    // Signed out, "/" goes through /signin to the authorization server's own sign-in page.
    await page.goto("/");
    await expect(page).toHaveURL(OAUTH_SIGN_IN_URL);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await screenshot(page, "sign-in-page");

    await submitSignIn(page, ada.email, ada.password);
    // A first visit opens the first workspace by name.
    await expect(page).toHaveURL(new RegExp(`/w/${contoso.slug}/dashboard$`));
    await expect(header(page).getByText("Contoso Travel")).toBeVisible();

    // The switcher lists both workspaces with the role in each.
    await switcher(page).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitemradio", { name: /Contoso Travel/ })).toHaveAttribute("aria-checked", "true");
    await expect(menu.getByRole("menuitemradio", { name: /Northwind Retail/ })).toContainText("Admin");
    await screenshot(page, "switcher-open");
    await menu.getByRole("menuitemradio", { name: /Northwind Retail/ }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${northwind.slug}/dashboard$`));
    await expect(header(page).getByText("Northwind Retail")).toBeVisible();

    // Members of Northwind: the admin and the user, with their roles.
    // Settings sits apart from the main navigation, at the bottom of the navbar.
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${northwind.slug}/settings/members$`));
    await expect(page.getByRole("combobox", { name: `Role of ${grace.name}` })).toHaveValue("User");
    await expect(page.getByRole("combobox", { name: `Role of ${ada.name}` })).toHaveValue("Admin");
    await expect(page.getByRole("row").filter({ hasText: ada.email }).getByText("You", { exact: true })).toBeVisible();
    await screenshot(page, "members");

    // Switching keeps the section: Members of Northwind → Members of Contoso.
    await switcher(page).click();
    await page
      .getByRole("menu")
      .getByRole("menuitemradio", { name: /Contoso Travel/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/w/${contoso.slug}/settings/members$`));
    await expect(page.getByRole("combobox", { name: `Role of ${ada.name}` })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: grace.email })).toHaveCount(0);

    // A new API client's secret is shown once, with copy buttons.
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API clients" }).click();
    await page.getByRole("button", { name: "New API client" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Shop order sync");
    await dialog.getByRole("button", { name: "Create API client" }).click();
    await expect(dialog.getByText("Copy it now — it is shown only once")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Copy client secret" })).toBeVisible();
    const clientId = await dialog.getByLabel("Client id", { exact: true }).textContent();
    expect(clientId).toMatch(/\S{8,}/);
    await screenshot(page, "api-client-secret");
    await dialog.getByRole("button", { name: "I have saved the secret" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("row").filter({ hasText: "Shop order sync" })).toContainText(clientId ?? "");

    // A new source's write key is shown once too; the table then shows only its prefix.
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Sources" }).click();
    await page.getByRole("button", { name: "New source" }).first().click();
    const sourceDialog = page.getByRole("dialog");
    await sourceDialog.getByLabel("Name").fill("Online shop");
    await sourceDialog.getByLabel("Allowed origins").fill("https://shop.example.com");
    await sourceDialog.getByLabel("Allowed origins").press("Enter");
    await sourceDialog.getByRole("button", { name: "Create source" }).click();
    await expect(sourceDialog.getByLabel("Write key", { exact: true })).toHaveText(/^wk_/);
    await screenshot(page, "source-write-key");
    await sourceDialog.getByRole("button", { name: "I have saved the key" }).click();
    await expect(sourceDialog).toBeHidden();
    await expect(page.getByRole("row").filter({ hasText: "Online shop" })).toContainText("https://shop.example.com");
    await screenshot(page, "sources");

    // The workspace's own settings.
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Workspace" }).click();
    await expect(page.getByLabel("Slug")).toHaveValue(contoso.slug);
    await screenshot(page, "workspace-settings");

    // The last workspace used is opened again from "/".
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/w/${contoso.slug}/dashboard$`));

    // Signing out ends both sessions: the authorization server confirms, then the app asks to sign in again.
    await header(page).getByRole("button", { name: "Account menu" }).click();
    await expect(page.getByRole("menu")).toContainText(ada.email);
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/oauth\/session\/end/);
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await expect(page).toHaveURL(OAUTH_SIGN_IN_URL);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    // And the API no longer knows the browser.
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  });

  test("a wrong password shows the error on the sign-in page", async ({ page }) => {
    test.setTimeout(90_000);
    const user = await createUser("Wrong Password");
    await page.goto("/");
    await expect(page).toHaveURL(OAUTH_SIGN_IN_URL);
    await submitSignIn(page, user.email, "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("The e-mail or password is not correct.");
    await expect(page).toHaveURL(/\/oauth\/interaction\//);
    // The address is kept; the password is not.
    await expect(page.getByLabel("E-mail")).toHaveValue(user.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test("a guest sees no write actions", async ({ page }) => {
    test.setTimeout(120_000);
    const guest = await createUser("Gus Guest");
    const workspace = await createWorkspace("Guest House");
    await addMember(workspace, guest, "guest");

    // A deep link survives the sign-in round trip.
    await signIn(page, guest, "/settings/sources");
    await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/settings/sources$`));
    await expect(page.getByText("Only admins can manage sources")).toBeVisible();
    await expect(page.getByRole("button", { name: "New source" })).toHaveCount(0);
    await screenshot(page, "guest-sources");

    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
    await expect(page.getByText("Only admins can manage members")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);

    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Workspace" }).click();
    await expect(page.getByText("Only admins can manage workspace settings")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete workspace" })).toHaveCount(0);

    await switcher(page).click();
    await expect(page.getByRole("menu").getByRole("menuitemradio", { name: /Guest House/ })).toContainText("Guest");
  });

  test("a user without a workspace can create one", async ({ page }) => {
    test.setTimeout(90_000);
    const user = await createUser("New Comer");
    await page.goto("/");
    await expect(page).toHaveURL(OAUTH_SIGN_IN_URL);
    await submitSignIn(page, user.email, user.password);
    await expect(page.getByText("You are not in any workspace yet")).toBeVisible();
    await screenshot(page, "no-workspace");
    await page.getByRole("button", { name: "Create workspace" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("First Steps");
    await dialog.getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(/\/w\/first-steps[\w-]*\/dashboard$/);
    await expect(header(page).getByText("First Steps")).toBeVisible();
  });
});
