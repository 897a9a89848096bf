// The Minor list of issue 17 and the command palette, in Chromium: error states with the request id and
// Retry, rows inert while a newer search loads, one-time secrets that ask before Esc throws them away and
// API clients that rotate their secret, a dashboard that explains a bad range or a missing view once, an
// empty field picker that searches, disabled buttons that say why, unsaved identity rules that ask before
// leaving, and the palette (keyboard only, and axe-clean in light and dark).
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { photographAtEachSize } from "./helpers/screenshots";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 15_000 });
const SCREENS = path.resolve(import.meta.dirname, "../test-results/screens-minor");
/** MINOR_SCREENS_SCHEME=dark runs the same journeys in dark mode, for the screenshots of both schemes. */
const SCHEME = process.env.MINOR_SCREENS_SCHEME === "dark" ? "dark" : "light";

function shoot(page: Page, name: string): Promise<void> {
  const suffix = name.endsWith("-light") || name.endsWith("-dark") ? "" : `-${SCHEME}`;
  return photographAtEachSize(page, (size) => path.join(SCREENS, `${name}${suffix}-${size}.png`), {
    settleMs: 200,
  });
}

async function setUp(page: Page, scheme: "light" | "dark" = SCHEME) {
  await page.emulateMedia({ colorScheme: scheme });
  const tag = uniqueTag();
  const [user, workspace] = await Promise.all([createUser("Mina Minor"), createWorkspace(`Minor ${tag}`)]);
  await addMember(workspace, user, "admin");
  await signIn(page, user, `/w/${workspace.slug}/customers`);
  for (const [index, [firstName, lastName]] of [
    ["Giulia", "Bianchi"],
    ["Marco", "Verdi"],
  ].entries()) {
    const response = await page.request.post(`/api/v1/workspaces/${workspace.id}/customers`, {
      data: {
        externalId: `M-${index}-${tag}`,
        base: { firstName, lastName, contacts: { email: `${firstName.toLowerCase()}.${tag}@example.com` } },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
  }
  return { tag, workspace, base: `/w/${workspace.slug}` };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
}

test.describe("the Minor list", () => {
  test("an error state shows the request id and retries", async ({ page }) => {
    test.setTimeout(90_000);
    const { base } = await setUp(page);
    let fail = true;
    await page.route(/\/api\/v1\/workspaces\/[^/]+\/views(\?|$)/, async (route) => {
      if (!fail) return route.continue();
      await route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "about:blank",
          title: "Service Unavailable",
          status: 503,
          detail: "The database is not reachable right now",
          code: "unavailable",
          requestId: "req-minor-0001",
        }),
      });
    });
    await page.goto(`${base}/views`);
    const alert = page.getByRole("alert").filter({ hasText: "The views could not be loaded" });
    // TanStack Query retries a failed load a few times before it shows the error.
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText("The database is not reachable right now");
    await expect(alert.getByTestId("error-request-id")).toHaveText("Request id req-minor-0001");
    await shoot(page, "error-state");
    fail = false;
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(alert).toBeHidden();
    await expect(page.getByText("No views yet")).toBeVisible();
  });

  test("rows from an earlier search are inert while the newer one loads", async ({ page }) => {
    test.setTimeout(90_000);
    const { base } = await setUp(page);
    await page.goto(`${base}/customers`);
    await expect(page.getByRole("link", { name: /Giulia/ })).toBeVisible();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/customers\?.*q=verdi/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole("textbox", { name: "Search customers" }).fill("verdi");
    const rows = page.getByTestId("customer-rows");
    await expect(rows).toHaveAttribute("inert", "");
    // A click on the stale row does not open Giulia.
    await page.getByRole("cell", { name: /Giulia/ }).click({ force: true });
    await expect(page).toHaveURL(/\/customers\?/);
    release();
    await expect(rows).not.toHaveAttribute("inert", "");
    await expect(page.getByRole("link", { name: /Marco/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Giulia/ })).toBeHidden();
  });

  test("a one-time secret asks before Esc closes it; an API client rotates its secret", async ({ page }) => {
    test.setTimeout(90_000);
    const { base } = await setUp(page);
    await page.goto(`${base}/settings/api-clients`);
    await page.getByRole("button", { name: "New API client" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New API client" });
    await expect(dialog.getByTestId("disabled-reason")).toHaveText("Name the client first");
    await expect(dialog.getByRole("button", { name: "Create API client" })).toBeDisabled();
    await shoot(page, "api-client-disabled-reason");
    await dialog.getByRole("textbox", { name: "Name" }).fill("Warehouse sync");
    await expect(dialog.getByTestId("disabled-reason")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Create API client" }).click();
    const credentials = page.getByRole("dialog", { name: "Credentials for Warehouse sync" });
    const firstSecret = await credentials.getByLabel("Client secret", { exact: true }).textContent();
    expect(firstSecret?.length).toBeGreaterThan(40);

    await page.keyboard.press("Escape");
    const question = credentials.getByRole("alertdialog", { name: "Close without saving the secret?" });
    await expect(question).toBeVisible();
    await expect(credentials).toBeVisible();
    await shoot(page, "secret-esc-question");
    await question.getByRole("button", { name: "Keep it open" }).click();
    await expect(question).toBeHidden();
    await credentials.getByRole("button", { name: "I have saved the secret" }).click();
    await expect(credentials).toBeHidden();

    await page.getByRole("button", { name: "Rotate the secret of Warehouse sync" }).click();
    const confirm = page.getByRole("dialog", { name: "Rotate the secret of Warehouse sync?" });
    await confirm.getByRole("button", { name: "Rotate secret" }).click();
    const rotated = page.getByRole("dialog", { name: "New secret for Warehouse sync" });
    const secondSecret = await rotated.getByLabel("Client secret", { exact: true }).textContent();
    expect(secondSecret).not.toBe(firstSecret);
    await shoot(page, "api-client-rotated");
    // The close button asks too; closing without saving is allowed once confirmed.
    await rotated.getByRole("button", { name: "Close" }).first().click();
    await rotated.getByRole("button", { name: "Close without saving" }).click();
    await expect(rotated).toBeHidden();
  });

  test("the dashboard explains an invalid range and a missing view once", async ({ page }) => {
    test.setTimeout(90_000);
    const { base } = await setUp(page);
    await page.goto(`${base}/dashboard?range=custom&from=2026-03-10&to=2026-03-01`);
    const blocked = page.getByTestId("dashboard-blocked");
    await expect(blocked).toContainText("Choose a period to report on");
    await expect(blocked).toContainText("The end date is before the start date");
    await expect(page.getByText("Reachable by e-mail")).toHaveCount(0);
    await shoot(page, "dashboard-invalid-range");

    await page.goto(`${base}/dashboard?view=0190a0a0-0000-7000-8000-000000000000`);
    await expect(blocked).toContainText("This view does not exist");
    await page.waitForLoadState("networkidle");
    await expect(blocked).toHaveCount(1);
    await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
    await shoot(page, "dashboard-missing-view");
  });

  test("the filter builder's field picker starts empty and searches what is typed", async ({ page }) => {
    test.setTimeout(90_000);
    const { base } = await setUp(page);
    await page.goto(`${base}/customers`);
    await page.getByRole("button", { name: "Add condition" }).click();
    const picker = page.getByRole("textbox", { name: "Field" }).or(page.getByRole("combobox", { name: "Field" }));
    await expect(picker.first()).toBeFocused();
    await expect(picker.first()).toHaveValue("");
    await expect(page.getByText("Not applied until a field is chosen.")).toBeVisible();
    await page.keyboard.type("coun");
    await expect(page.getByRole("option", { name: "Country" })).toBeVisible();
    await expect(page.getByRole("option", { name: "First name" })).toHaveCount(0);
    await shoot(page, "filter-field-picker");
    await page.getByRole("option", { name: "Country" }).click();
    await expect(page.getByRole("combobox", { name: "Operator" })).toBeVisible();
  });

  test("unsaved identity rules ask before leaving", async ({ page }) => {
    test.setTimeout(90_000);
    const { base } = await setUp(page);
    await page.goto(`${base}/settings/identity-rules`);
    const blocked = page.getByRole("combobox", { name: "Blocked values" });
    await blocked.fill("nobody@example.com");
    await blocked.press("Enter");
    await expect(page.getByRole("button", { name: "Save rules" })).toBeEnabled();
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("navigation").getByRole("link", { name: "Customers" }).first().click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("unsaved changes");
    await expect(page).toHaveURL(/\/settings\/identity-rules/);
    // Discarding ends the question.
    await page.getByRole("button", { name: "Discard changes" }).click();
    await expect(page.getByTestId("disabled-reason")).toHaveText("Nothing changed yet");
    await page.getByRole("navigation").getByRole("link", { name: "Customers" }).first().click();
    await expect(page).toHaveURL(/\/customers$/);
  });

  test("a consent can be set back to Not set; the audit log reads the change and exports CSV", async ({ page }) => {
    test.setTimeout(120_000);
    const { workspace, base } = await setUp(page);
    const list = await page.request.get(`/api/v1/workspaces/${workspace.id}/customers?q=giulia`);
    const customerId = ((await list.json()) as { data: { id: string }[] }).data[0].id;
    const granted = await page.request.patch(`/api/v1/workspaces/${workspace.id}/customers/${customerId}/consents`, {
      data: { marketing: { automatic: { email: { status: true } } } },
    });
    expect(granted.status(), await granted.text()).toBe(200);
    const EMAIL = "Marketing — automatic channels: E-mail";

    await page.goto(`${base}/customers/${customerId}`);
    await page.getByRole("tab", { name: "Consents" }).click();
    const panel = page.getByRole("region", { name: "Consents" });
    await expect(panel.getByLabel(`Consent for ${EMAIL}: Yes`)).toBeVisible();
    await panel.getByRole("button", { name: "Edit consents" }).click();
    await panel.getByRole("button", { name: `Set Consent for ${EMAIL} back to Not set` }).click();
    await expect(panel.getByRole("button", { name: "Save 1 change" })).toBeEnabled();
    await shoot(page, "consent-not-set");
    await panel.getByRole("button", { name: "Save 1 change" }).click();
    await expect(panel.getByLabel(`Consent for ${EMAIL}: Not set`)).toBeVisible();
    const state = await page.request.get(`/api/v1/workspaces/${workspace.id}/customers/${customerId}/consents`);
    expect(await state.json()).toEqual({});

    // Member changes are recorded before → after; the log reads them so and downloads as CSV.
    const other = await createUser("Otto Other");
    await addMember(workspace, other, "guest");
    const otherId = other.id;
    const promoted = await page.request.patch(`/api/v1/workspaces/${workspace.id}/members/${otherId}`, {
      data: { role: "user" },
    });
    expect(promoted.status(), await promoted.text()).toBe(200);
    await page.goto(`${base}/settings/audit-log`);
    await expect(page.getByRole("cell", { name: "Member updated" }).first()).toBeVisible();
    await expect(page.getByText("role: guest → user").first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "Consent changed" }).first()).toBeVisible();
    await shoot(page, "audit-log");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("When,Who,Actor type,Action,Action id,Target type,Target id,Changes,Details,Request id");
    expect(
      lines.some((line) => line.includes("Member updated,member.updated") && line.includes("role: guest → user")),
    ).toBe(true);
    expect(lines.some((line) => line.includes("Consent changed,consent.changed"))).toBe(true);
  });
});

test.describe("the command palette", () => {
  test("Ctrl+K jumps to a customer, a view and a screen with the keyboard", async ({ page }) => {
    test.setTimeout(90_000);
    const { workspace, base } = await setUp(page);
    const view = await page.request.post(`/api/v1/workspaces/${workspace.id}/views`, {
      data: { name: "Italian VIPs", filter: { tag: "vip" } },
    });
    expect(view.status()).toBe(201);
    await page.goto(`${base}/dashboard`);
    await page.getByRole("main").waitFor();

    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Go to…" });
    const input = palette.getByRole("combobox", { name: "Go to a customer, a view or a screen" });
    await expect(input).toBeFocused();
    await input.fill("giulia");
    const option = palette.getByRole("option", { name: /Giulia Bianchi/ });
    await expect(option).toBeVisible();
    await expect(option).toHaveAttribute("aria-selected", "true");
    await shoot(page, "palette-customer");
    await input.press("Enter");
    await expect(palette).toBeHidden();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Giulia Bianchi" })).toBeVisible();

    await page.keyboard.press("Control+k");
    await input.fill("italian");
    await expect(palette.getByRole("option", { name: /Italian VIPs/ })).toHaveAttribute("aria-selected", "true");
    await input.press("Enter");
    await expect(page).toHaveURL(/\/customers\?view=/);

    await page.getByRole("button", { name: "Go to… (Ctrl+K)" }).click();
    await input.fill("audit");
    await expect(palette.getByRole("option", { name: /Audit log/ })).toBeVisible();
    await input.press("ArrowDown");
    await input.press("ArrowUp");
    await input.press("Enter");
    await expect(page).toHaveURL(/\/settings\/audit-log$/);

    await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(palette).toBeHidden();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the open palette has no critical or serious axe violation (${scheme})`, async ({ page }) => {
      test.setTimeout(90_000);
      const { base } = await setUp(page, scheme);
      await page.goto(`${base}/customers`);
      await page.getByRole("main").waitFor();
      await page.waitForLoadState("networkidle");
      await page.keyboard.press("Control+k");
      const palette = page.getByRole("dialog", { name: "Go to…" });
      await palette.getByRole("combobox").fill("mar");
      await expect(palette.getByRole("option", { name: /Marco Verdi/ })).toBeVisible();
      await page.waitForTimeout(300);
      const found = await seriousViolations(page);
      await shoot(page, `palette-${scheme}`);
      expect(found, found.join("\n")).toEqual([]);
    });
  }
});
