// Consents on the customer page (issue 6): a User with the consent-history permission changes a
// customer's consents and reads the change in the consent timeline — who, when, from where, with what
// evidence; a Guest opens the same customer, reads the current state, and is told that they can neither
// change consents nor read their history, with no edit controls in sight. Users, workspace, customer and
// its first consent are made by the test itself (CLI and API), never taken from the seed.
import path from "node:path";
import { expect as baseExpect, test, type Locator, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

// This machine builds and tests in parallel with other work: allow a loaded server more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

test.use({ timezoneId: "Europe/Rome", locale: "en-GB" });

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../test-results/screenshots");

/** Of one part of the page: the consents are far below the top of the customer page. */
async function screenshot(target: Locator, name: string): Promise<void> {
  await target.screenshot({ path: path.join(SCREENSHOT_DIR, `consents-${name}.png`) });
}

const EMAIL = "Marketing — automatic channels: E-mail";
const SMS = "Marketing — automatic channels: SMS";

// A Guest sees personal data masked by default (docs/security.md, masking by role): "G*** B***".
async function openConsents(
  page: Page,
  slug: string,
  customerId: string,
  name: string | RegExp = "Giulia Bianchi",
): Promise<void> {
  await page.goto(`/w/${slug}/customers/${customerId}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await page.getByRole("tab", { name: "Consents" }).click();
}

test.describe("consents", () => {
  test("a user changes a consent and sees it in the timeline; a Guest sees the notice", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const tag = uniqueTag();
    const [user, guest, workspace] = await Promise.all([
      createUser("Ugo User"),
      createUser("Gina Guest"),
      createWorkspace(`Consents ${tag}`),
    ]);
    // Recording consents is a User's right; reading their history needs the separate permission (docs/api.md, roles).
    await Promise.all([
      addMember(workspace, user, "user", { consentHistory: true }),
      addMember(workspace, guest, "guest"),
    ]);
    await signIn(page, user, `/w/${workspace.slug}/customers`);

    // A customer who opted in to e-mail three days ago through the shop's sign-up form.
    const ws = workspace.id;
    const created = await page.request.post(`/api/v1/workspaces/${ws}/customers`, {
      data: {
        externalId: `C-${tag}`,
        base: { firstName: "Giulia", lastName: "Bianchi", contacts: { email: `giulia.${tag}@example.com` } },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const customerId = ((await created.json()) as { id: string }).id;
    const optIn = await page.request.patch(`/api/v1/workspaces/${ws}/customers/${customerId}/consents`, {
      data: {
        marketing: { automatic: { email: { status: true } } },
        _meta: {
          source: "shop-signup",
          evidence: "Newsletter box ticked at checkout",
          occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        },
      },
    });
    expect(optIn.status(), await optIn.text()).toBe(200);

    // The User: the current state, then an edit with evidence.
    await openConsents(page, workspace.slug, customerId);
    const panel = page.getByRole("region", { name: "Consents" });
    const history = page.getByRole("region", { name: "Consent history" });
    await expect(panel.getByLabel(`Consent for ${EMAIL}: Yes`)).toBeVisible();
    await expect(panel.getByLabel(`Consent for ${SMS}: Not set`)).toBeVisible();
    const entries = history.getByRole("listitem");
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText("Marketing · E-mail");
    await expect(entries.first()).toContainText("via shop-signup");

    await panel.getByRole("button", { name: "Edit consents" }).click();
    // Mantine draws the track over the real checkbox: switch it as a keyboard user does.
    const toggle = async (name: string, checked: boolean) => {
      const control = panel.getByRole("switch", { name });
      await control.focus();
      await page.keyboard.press("Space");
      await expect(control).toBeChecked({ checked });
    };
    await toggle(`Consent for ${EMAIL}`, false);
    await toggle(`Consent for ${SMS}`, true);
    await expect(panel.getByRole("button", { name: "Save 2 changes" })).toBeEnabled();
    await panel.getByLabel("Evidence (optional)").fill("Phone call, ticket T-1042: wants texts, not e-mails");
    await screenshot(panel, "editing");
    await panel.getByRole("button", { name: "Save 2 changes" }).click();
    await expect(page.getByText("The changes are recorded in the consent registry.")).toBeVisible();
    await expect(panel.getByRole("switch")).toHaveCount(0);
    await expect(panel.getByLabel(`Consent for ${EMAIL}: No`)).toBeVisible();
    await expect(panel.getByLabel(`Consent for ${SMS}: Yes`)).toBeVisible();

    // The timeline: one entry per changed key, newest first, each with who, when, where and the evidence.
    await expect(entries).toHaveCount(3);
    const emailChange = entries.filter({ hasText: "Marketing · E-mail" }).first();
    const smsChange = entries.filter({ hasText: "Marketing · SMS" });
    for (const entry of [emailChange, smsChange]) {
      await expect(entry).toContainText("by Ugo User · via admin-ui");
      await expect(entry.getByLabel("Evidence")).toHaveText("Phone call, ticket T-1042: wants texts, not e-mails");
      const when = Date.parse((await entry.locator("time").getAttribute("datetime")) ?? "");
      expect(Math.abs(Date.now() - when)).toBeLessThan(10 * 60_000);
    }
    await expect(emailChange).toContainText(/Consent\s*Yes\s*No/);
    await expect(smsChange).toContainText(/Consent\s*Not set\s*Yes/);
    await expect(entries.last()).toContainText("Marketing · E-mail");
    await expect(entries.last()).toContainText(/Consent\s*Not set\s*Yes/);
    await expect(entries.last()).toContainText("by Ugo User · via shop-signup");
    // The panel dates each key's last change.
    await expect(panel.getByRole("row", { name: /^SMS/ })).toContainText("admin-ui");

    // Only today's changes: the sign-up three days ago drops out.
    await history.getByLabel("When", { exact: true }).click();
    await page.getByRole("option", { name: "Today", exact: true }).click();
    await expect(entries).toHaveCount(2);
    await expect(entries).not.toContainText(["shop-signup"]);
    await history.getByLabel("When", { exact: true }).click();
    await page.getByRole("option", { name: "Any time", exact: true }).click();
    await expect(entries).toHaveCount(3);
    await screenshot(history, "timeline");

    // The Guest: reads the same state, cannot change it, and is told why there is no history.
    const guestContext = await browser.newContext({ timezoneId: "Europe/Rome", locale: "en-GB" });
    try {
      const guestPage = await guestContext.newPage();
      await signIn(guestPage, guest, `/w/${workspace.slug}/customers`);
      await openConsents(guestPage, workspace.slug, customerId, /\*\*\*/);
      const guestPanel = guestPage.getByRole("region", { name: "Consents" });
      await expect(guestPanel.getByLabel(`Consent for ${EMAIL}: No`)).toBeVisible();
      await expect(guestPanel.getByLabel(`Consent for ${SMS}: Yes`)).toBeVisible();
      await expect(guestPanel.getByText("You can read these consents but not change them")).toBeVisible();
      await expect(guestPanel.getByRole("button", { name: "Edit consents" })).toHaveCount(0);
      await expect(guestPanel.getByRole("switch")).toHaveCount(0);
      await expect(guestPanel.getByRole("columnheader", { name: "Last change" })).toHaveCount(0);
      await expect(guestPanel).not.toContainText("admin-ui");
      const notice = guestPage.getByTestId("consent-history-notice");
      await expect(notice).toContainText("Consent history is restricted");
      await expect(notice).toContainText("You need the consent-history permission");
      await expect(guestPage.getByRole("region", { name: "Consent history" })).toHaveCount(0);
      await expect(guestPage.getByText("Phone call, ticket T-1042")).toHaveCount(0);
      await screenshot(guestPage.getByRole("tabpanel", { name: "Consents" }), "guest");
    } finally {
      await guestContext.close();
    }
  });
});
