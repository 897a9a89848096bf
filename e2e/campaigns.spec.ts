// Campaigns (issue 15): a User writes a campaign to a view, sees the live preview personalised and the
// consented audience count, sends a test to the sandbox, sends the campaign and watches it finish; the
// sandbox outbox shows the messages (no SMTP in e2e, so nothing is delivered), and the footer's
// unsubscribe page withdraws the consent without any sign-in. Screenshots: light/dark, desktop/phone.
import path from "node:path";
import { expect as baseExpect, test } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 20_000 });
const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../test-results/screenshots");

test.describe("campaigns", () => {
  test("write, preview, test, send to a view, read the outbox, unsubscribe", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const tag = uniqueTag();
    const [user, workspace] = await Promise.all([createUser("Sam Sender"), createWorkspace(`Send ${tag}`)]);
    await addMember(workspace, user, "user");
    await signIn(page, user, `/w/${workspace.slug}/campaigns`);
    const ws = workspace.id;

    // Three VIPs: two agreed to e-mail marketing, one did not.
    for (const [name, consent] of [
      ["Giulia", true],
      ["Marco", true],
      ["Nina", false],
    ] as const) {
      const res = await page.request.post(`/api/v1/workspaces/${ws}/customers`, {
        data: {
          externalId: `${name}-${tag}`,
          tags: ["vip"],
          base: { firstName: name, contacts: { email: `${name.toLowerCase()}.${tag}@example.com` } },
          consents: { marketing: { automatic: { email: { status: consent } } } },
        },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    const view = await page.request.post(`/api/v1/workspaces/${ws}/views`, {
      data: { name: `VIPs ${tag}`, filter: { tag: "vip" } },
    });
    expect(view.status()).toBe(201);

    await page.goto(`/w/${workspace.slug}/campaigns`);
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "New campaign" }).first().click();
    await page.getByLabel("Name").fill("Spring sale");
    await page.getByLabel("Subject").fill("Spring sale for {{ customer.base.firstName }}");
    await page.getByRole("combobox", { name: "Audience" }).click();
    await page.getByRole("option", { name: `VIPs ${tag}` }).click();
    const frame = page.frameLocator('iframe[title="Preview"]');
    await expect(frame.getByRole("heading", { name: "Hello Alex" })).toBeVisible();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Campaign saved.")).toBeVisible();
    await expect(page.getByTestId("audience-count")).toContainText("2 would receive it now");
    await expect(page.getByTestId("audience-count")).toContainText("1 without consent");

    await page.getByLabel("Send a test to").fill("me@example.com");
    await page.getByRole("button", { name: "Send test" }).click();
    await expect(page.getByText("Test stored in the sandbox outbox.")).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "campaigns-editor-light.png"), fullPage: true });

    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByText("Sandbox").first()).toBeVisible();
    await expect(page.getByText("2 of 2 handled")).toBeVisible({ timeout: 60_000 });
    const campaignPath = new URL(page.url()).pathname;
    await expect(page.getByTestId("report-over-time")).toBeVisible();

    await page.goto(`/w/${workspace.slug}/campaigns/outbox`);
    await expect(page.getByText("Sandbox — never delivered")).toBeVisible();
    await expect(page.getByText("Spring sale for Giulia").first()).toBeVisible();
    await page.getByText("Spring sale for Giulia").first().click();
    const message = page.frameLocator('iframe[title="Sandbox message"]');
    const unsubscribeHref = await message.getByRole("link", { name: "Unsubscribe" }).getAttribute("href");
    expect(unsubscribeHref).toContain("/api/v1/send/unsubscribe/");
    // Giulia clicks the campaign's link: a signed redirect to it, counted by link in the report.
    const trackedHref = await message.getByRole("link", { name: "See what is new" }).getAttribute("href");
    expect(trackedHref).toContain("/api/v1/send/click/");
    const click = await page.request.get(new URL(trackedHref!).pathname, { maxRedirects: 0 });
    expect(click.status()).toBe(302);
    expect(click.headers().location).toBe("https://example.com/spring");
    await page.goto(campaignPath);
    await expect(page.getByTestId("report-by-link")).toContainText("https://example.com/spring: 1 clicks by 1");
    await expect(page.getByTestId("report-over-time")).toBeVisible();
    await expect(page.locator('[data-testid="report-over-time"] .recharts-line')).toHaveCount(5);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `campaigns-report-${scheme}.png`), fullPage: true });
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(`/w/${workspace.slug}/campaigns/outbox`);
    await page.getByText("Spring sale for Giulia").first().click();

    // Dark and phone.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "campaigns-outbox-dark.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`/w/${workspace.slug}/campaigns`);
      // Cards on a phone, not a table to scroll sideways.
      await expect(page.getByRole("listitem").filter({ hasText: "Spring sale" })).toBeVisible();
      await expect(page.getByRole("table", { name: "Campaigns" })).toHaveCount(0);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `campaigns-list-phone-${scheme}.png`), fullPage: true });
      await page.goto(campaignPath);
      await expect(page.getByTestId("report-by-link")).toBeVisible();
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, `campaigns-report-phone-${scheme}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/w/${workspace.slug}/campaigns`);
    await expect(page.getByRole("table", { name: "Campaigns" })).toBeVisible();

    // The recipient, in a browser without any session: the page, then the button.
    const anonymous = await browser.newContext();
    const recipient = await anonymous.newPage();
    await recipient.goto(new URL(unsubscribeHref!).pathname);
    await recipient.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(recipient.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
    await anonymous.close();

    const customers = await page.request.get(`/api/v1/workspaces/${ws}/customers?limit=10`);
    const giulia = ((await customers.json()) as { data: { id: string; base: { firstName?: string } }[] }).data.find(
      (c) => c.base.firstName === "Giulia",
    );
    const consents = await page.request.get(`/api/v1/workspaces/${ws}/customers/${giulia!.id}/consents`);
    expect(await consents.json()).toMatchObject({ marketing: { automatic: { email: { status: false } } } });
  });
});
