// Signing in the way a person does: the app sends the browser through /signin (NextAuth) to the
// authorization server's own sign-in page at /oauth, and back into the app after the password.
import { expect, type Page } from "@playwright/test";

/** The authorization server's sign-in page, where the browser waits for e-mail and password. */
export const OAUTH_SIGN_IN_URL = /\/oauth\/interaction\/[\w-]+$/;

export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens `path` signed out, signs in on the /oauth page and waits until the app has the workspace open. */
export async function signIn(page: Page, user: { email: string; password: string }, path = "/"): Promise<void> {
  await page.goto(path);
  // Generous: on a loaded CI machine the first load of the app and the two redirects take a while.
  await expect(page).toHaveURL(OAUTH_SIGN_IN_URL, { timeout: 20_000 });
  await submitSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/w\/[^/]+\//, { timeout: 20_000 });
}
