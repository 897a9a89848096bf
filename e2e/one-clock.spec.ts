// One clock (issue 17): the browser is in New York, the workspace in Rome, and every time the app shows —
// explorer, customer page, events, dashboard — is Rome's, labelled; a member who picks their own zone sees
// times in it while days stay the workspace's. And the explorer sorts from its column headers, the sort
// kept in the URL through a reload. Screens are saved under test-results/screens-clock/ (light and dark,
// 1440 px and a 390 px phone) to be looked at.
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 15_000 });
const SCREENS = path.resolve(import.meta.dirname, "../test-results/screens-clock");
const WORKSPACE_ZONE = "Europe/Rome";

// The browser lives in another zone than the workspace: what it shows must not follow the browser.
test.use({ timezoneId: "America/New_York", locale: "en-US" });

/** 28 Nov 2026, 00:30 in Rome: still 27 Nov in UTC and in New York. */
const AFTER_ROME_MIDNIGHT = "2026-11-27T23:30:00.000Z";

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, width, height] of [
      ["1440", 1440, 900],
      ["390", 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(SCREENS, `${name}-${scheme}-${label}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** How the app writes an instant in a zone ("28 Nov 2026, 00:30"), worked out in the page's own Intl. */
function inZone(page: Page, instant: string, timeZone: string): Promise<string> {
  return page.evaluate(
    ([value, zone]) =>
      new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(
        new Date(value),
      ),
    [instant, timeZone] as const,
  );
}

async function setUp(page: Page) {
  const tag = uniqueTag();
  const [user, workspace] = await Promise.all([
    createUser("Clara Clock"),
    createWorkspace(`Clock ${tag}`, { timezone: WORKSPACE_ZONE }),
  ]);
  await addMember(workspace, user, "admin");
  await signIn(page, user, `/w/${workspace.slug}/customers`);
  const ids: string[] = [];
  for (const [index, [firstName, lastName]] of [
    ["Marco", "Verdi"],
    ["Giulia", "bianchi"],
    ["Chloé", "Martin"],
  ].entries()) {
    const response = await page.request.post(`/api/v1/workspaces/${workspace.id}/customers`, {
      data: {
        externalId: `K-${index}-${tag}`,
        base: { firstName, lastName, contacts: { email: `k${index}.${tag}@example.com` } },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(((await response.json()) as { id: string }).id);
  }
  const events = await page.request.post(`/api/v1/workspaces/${workspace.id}/events/batch`, {
    data: { events: [{ type: "viewedPage", context: "WEB", occurredAt: AFTER_ROME_MIDNIGHT, customerId: ids[0] }] },
  });
  expect(events.status(), await events.text()).toBe(200);
  return { workspace, base: `/w/${workspace.slug}`, ids };
}

const rows = (page: Page) => page.getByRole("table").first().locator("tbody tr");

test.describe("one clock", () => {
  test("every screen shows the workspace's zone, labelled; a member may pick their own", async ({ page }) => {
    test.setTimeout(240_000);
    const { workspace, base, ids } = await setUp(page);

    // Explorer: the zone is named, and a creation time reads in Rome with its abbreviation.
    await page.goto(`${base}/customers`);
    await expect(rows(page)).toHaveCount(3);
    await expect(page.getByTestId("zone-note").first()).toHaveText(/Times in Europe\/Rome \(CET\)/);
    const customer = (await (
      await page.request.get(`/api/v1/workspaces/${workspace.id}/customers/${ids[0]}`)
    ).json()) as { createdAt: string };
    const created = `${await inZone(page, customer.createdAt, WORKSPACE_ZONE)} CET`;
    await shoot(page, "explorer");

    // Customer page: "Customer since <Rome time> CET".
    await page.goto(`${base}/customers/${ids[0]}`);
    await expect(page.getByText(`Customer since ${created}`)).toBeVisible();
    // Its timeline groups by Rome's days: the event after Rome's midnight is on Saturday 28 November, at 00:30.
    await expect(page.getByTestId("zone-note")).toHaveText(/Times in Europe\/Rome \(CET\)/);
    await expect(page.getByText("Saturday 28 November")).toBeVisible();
    await shoot(page, "customer");

    // Events: the event after Rome's midnight is on 28 Nov there, although New York is still on the 27th.
    await page.goto(`${base}/events`);
    await expect(page.getByTestId("zone-note")).toHaveText(/Times in Europe\/Rome \(CET\)/);
    const romeTime = `${await inZone(page, AFTER_ROME_MIDNIGHT, WORKSPACE_ZONE)} CET`;
    expect(romeTime).toBe("28 Nov 2026, 00:30 CET");
    await expect(page.locator(`time[datetime="${AFTER_ROME_MIDNIGHT}"]`)).toHaveText(romeTime);
    await shoot(page, "events");

    // Dashboard: days are the workspace's, and it says so.
    await page.goto(`${base}/dashboard`);
    await expect(page.getByText("days in the workspace's time zone, Europe/Rome")).toBeVisible();
    await shoot(page, "dashboard");

    // The member's own zone, from the account menu: times follow it, days stay Rome's, and it is kept.
    await page.goto(`${base}/events`);
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: /Time zone: Europe\/Rome/ }).click();
    const dialog = page.getByRole("dialog", { name: "Your time zone" });
    const select = dialog.getByLabel("Show times in");
    await select.click();
    await select.fill("Los Angeles");
    await page.getByRole("option", { name: "America/Los Angeles" }).click();
    await shoot(page, "time-zone-modal");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    const laTime = `${await inZone(page, AFTER_ROME_MIDNIGHT, "America/Los_Angeles")} PST`;
    await expect(page.locator(`time[datetime="${AFTER_ROME_MIDNIGHT}"]`)).toHaveText(laTime);
    await expect(page.getByTestId("zone-note")).toHaveText(
      /Times in America\/Los_Angeles \(PST\) · days of filters and reports in Europe\/Rome/,
    );
    await page.reload();
    await expect(page.locator(`time[datetime="${AFTER_ROME_MIDNIGHT}"]`)).toHaveText(laTime);
    await shoot(page, "events-own-zone");
  });

  test("the explorer sorts by a column from its header, and the sort survives a reload", async ({ page }) => {
    test.setTimeout(180_000);
    const { base } = await setUp(page);
    await page.goto(`${base}/customers`);
    await expect(rows(page)).toHaveCount(3);

    // The name column sorts by last name.
    const nameHeader = page.getByRole("columnheader", { name: /Customer/ });
    await page.getByRole("button", { name: "Sort by Customer (last name), ascending" }).click();
    await expect(page).toHaveURL(/[?&]sort=base\.lastName(&|$)/);
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    // Case ignored: "bianchi" before "Martin" before "Verdi".
    await expect(rows(page).first()).toContainText("Giulia");
    await expect(rows(page).last()).toContainText("Marco");
    await expect(page.getByRole("combobox", { name: "Sort" })).toHaveValue("Last name A–Z");

    await page.reload();
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(rows(page).first()).toContainText("Giulia");

    await page.getByRole("button", { name: "Sort by Customer (last name), descending" }).click();
    await expect(page).toHaveURL(/[?&]sort=-base\.lastName(&|$)/);
    await expect(rows(page).first()).toContainText("Marco");
    await page.reload();
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await expect(rows(page).first()).toContainText("Marco");
    await shoot(page, "explorer-sorted");

    // Back returns to the previous order.
    await page.goBack();
    await expect(page).toHaveURL(/[?&]sort=base\.lastName(&|$)/);
    await expect(rows(page).first()).toContainText("Giulia");
  });
});
