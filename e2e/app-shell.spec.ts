// The admin app's shell loads in a real browser: the document, the client bundle and the navigation.
import { expect, test } from "@playwright/test";
import { addMember, createUser, createWorkspace } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

test.describe("admin app shell", () => {
  test("renders the main navigation and opens the dashboard", async ({ page }) => {
    test.setTimeout(90_000);
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));

    // The app needs a session: sign in through the OAuth2 flow (e2e/auth.spec.ts covers that flow itself).
    const user = await createUser("Shell Viewer");
    const workspace = await createWorkspace("Shell Workspace");
    await addMember(workspace, user, "user");
    await signIn(page, user, "/");

    await expect(page).toHaveTitle(/Atrium/);
    // The shell is mounted client-side (app/(admin)/admin-spa.tsx); the navigation appearing proves the
    // bundle loaded and react-router resolved "/" (which redirects to /w/<workspace>/dashboard).
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
    await expect(page).toHaveURL(/\/dashboard$/);
    expect(pageErrors.map((error) => error.message)).toEqual([]);
  });

  test("serves the API reference page", async ({ page }) => {
    const response = await page.goto("/docs/api");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/API reference/);
    // A way back to the app (issue 17).
    await expect(page.getByRole("link", { name: "← Back to Atrium" })).toHaveAttribute("href", "/");
  });
});
