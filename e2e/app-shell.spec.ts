// The admin app's shell loads in a real browser: the document, the client bundle and the navigation.
import { expect, test } from "@playwright/test";

test.describe("admin app shell", () => {
  test("renders the main navigation with the Customers screen", async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));

    // TODO(lead): when the UI requires a session, sign in first (OAuth2 journey, seeded user) — this
    // spec then covers the signed-in shell, and a separate one the redirect to /signin.
    await page.goto("/");

    await expect(page).toHaveTitle(/Atrium/);
    // The shell is mounted client-side (app/(admin)/admin-spa.tsx); the navigation appearing proves the
    // bundle loaded and react-router resolved "/" (which redirects to /customers).
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
    await expect(page).toHaveURL(/\/customers$/);
    expect(pageErrors.map((error) => error.message)).toEqual([]);
  });

  test("serves the API reference page", async ({ page }) => {
    const response = await page.goto("/docs/api");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/API reference/);
  });
});
