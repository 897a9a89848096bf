// Accessibility (issue 17): no critical or serious axe violation on any screen of the app, in light and
// in dark mode — every route of components/layout/app-routes.tsx, a customer's profile with its event
// drawer open, a campaign, the not-found screen, and the sign-in page. The scan runs after the screen
// has loaded its data (network idle), so what is checked is what a person sees.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { photographAtEachSize } from "./helpers/screenshots";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 15_000 });
const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../test-results/screenshots");
/** Screens changed for issue 17, photographed at 1440 px and on a 390 px phone for a person to look at. */
const PHOTOGRAPHED = new Set(["/dashboard", "/customer", "/event-drawer", "/views", "/settings/webhooks"]);

function shoot(page: Page, name: string): Promise<void> {
  return photographAtEachSize(page, (size) => path.join(SCREENSHOT_DIR, `a11y-${name}-${size}.png`), {
    // The phone layout's navigation slides away: a shot taken at once caught it half-way.
    settleMs: 300,
  });
}

/**
 * The serious and critical violations on the page as it is now, one line each.
 * E-mail previews (the campaign editor, the outbox) render the campaign's own HTML in an iframe with
 * `sandbox=""`: no script may run there, by design. axe cannot scan such a frame — its run inside waits
 * on timers that a script-less frame never fires, so the whole scan hung until the test's timeout. The
 * frames are left out of the scan (their content is the marketer's e-mail, not the app), and each must
 * still have a title naming it, checked here instead of by axe's frame-title rule.
 */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const untitled = await page.locator("iframe[sandbox]:not([title])").count();
  const result = await new AxeBuilder({ page }).exclude("iframe[sandbox]").analyze();
  const frames = untitled > 0 ? [`${where}: frame-title (${untitled}) iframe[sandbox] without a title`] : [];
  return frames.concat(
    result.violations
      .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
      .map(
        (violation) =>
          `${where}: ${violation.id} (${violation.nodes.length}) ${violation.nodes
            .slice(0, 3)
            .map((node) => `${node.target.join(" ")} ${node.failureSummary?.split("\n")[1] ?? ""}`)
            .join(" | ")}`,
      ),
  );
}

async function settle(page: Page): Promise<void> {
  await page.getByRole("main").waitFor();
  await page.waitForLoadState("networkidle");
  // Skeletons and fade-ins are done before the scan (a half-faded text fails contrast).
  await page.waitForTimeout(300);
}

async function seed(page: Page, ws: string, tag: string) {
  const customer = await page.request.post(`/api/v1/workspaces/${ws}/customers`, {
    data: {
      externalId: `A11Y-${tag}`,
      tags: ["vip"],
      base: {
        firstName: "Ada",
        lastName: "Lovelace",
        address: { country: "GB", city: "London" },
        // The base's lists show on the profile: their rows must fit a phone too.
        jobs: [{ jobTitle: "Mathematician", companyName: "Analytical Engine Society", isCurrent: true }],
        contacts: {
          email: `ada.${tag}@example.com`,
          otherContacts: [{ type: "EMAIL", value: `countess.of.lovelace.${tag}@example.org`, name: "Private" }],
        },
      },
    },
  });
  expect(customer.status(), await customer.text()).toBe(201);
  const customerId = ((await customer.json()) as { id: string }).id;
  const events = await page.request.post(`/api/v1/workspaces/${ws}/events/batch`, {
    data: {
      events: [
        {
          type: "viewedPage",
          context: "WEB",
          customerId,
          properties: { url: "https://shop.example.com/shoes", path: "/shoes", title: "Shoes" },
        },
      ],
    },
  });
  const eventsText = await events.text();
  expect(events.status(), eventsText).toBe(200);
  expect((JSON.parse(eventsText) as { rejected: number }).rejected, eventsText).toBe(0);
  const view = await page.request.post(`/api/v1/workspaces/${ws}/views`, {
    data: { name: "VIPs", filter: { tag: "vip" } },
  });
  expect(view.status(), await view.text()).toBe(201);
  const viewId = ((await view.json()) as { id: string }).id;
  // A webhook, so that its row actions (rotate the secret, ping, deliveries) are scanned; it sends only
  // erasures, so the seed sends it nothing.
  const webhook = await page.request.post(`/api/v1/workspaces/${ws}/webhooks`, {
    data: { url: "http://127.0.0.1:9/atrium", events: ["customer.erased"] },
  });
  expect(webhook.status(), await webhook.text()).toBe(201);
  const campaign = await page.request.post(`/api/v1/workspaces/${ws}/campaigns`, {
    data: { name: "Spring sale", subject: "Hello {{ customer.base.firstName }}", html: "<p>Hi</p>", viewId },
  });
  expect(campaign.status(), await campaign.text()).toBe(201);
  const campaignId = ((await campaign.json()) as { id: string }).id;
  return { customerId, campaignId };
}

/** Screens in groups, one test each, so that a slow machine fails on a screen and not on the whole app. */
const GROUPS: Record<string, readonly string[]> = {
  daily: ["/dashboard", "/customers", "/customer", "/events", "/event-drawer", "/views"],
  campaigns: ["/campaigns", "/campaigns/outbox", "/campaign", "/no-such-screen", "/sign-in"],
  settings: ["/settings/workspace", "/settings/members", "/settings/api-clients", "/settings/webhooks"],
  "more settings": [
    "/settings/automations",
    "/settings/sources",
    "/settings/schema",
    "/settings/identity-rules",
    "/settings/audit-log",
  ],
};

test.describe("accessibility on every screen", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const [group, screens] of Object.entries(GROUPS)) {
      test(`no critical or serious axe violations: ${group} (${scheme})`, async ({ page, browser }) => {
        test.setTimeout(300_000);
        await page.emulateMedia({ colorScheme: scheme });
        const tag = uniqueTag();
        const [user, workspace] = await Promise.all([createUser("Alex Access"), createWorkspace(`A11y ${tag}`)]);
        await addMember(workspace, user, "admin");
        const found: string[] = [];

        if (screens.includes("/sign-in")) {
          // The sign-in page, before anyone is signed in.
          const guestContext = await browser.newContext({ colorScheme: scheme });
          const guest = await guestContext.newPage();
          await guest.goto(`/w/${workspace.slug}/customers`);
          await guest.waitForURL(/\/oauth\/interaction\//, { timeout: 30_000 });
          await guest.waitForLoadState("networkidle");
          found.push(...(await seriousViolations(guest, "sign-in")));
          await guestContext.close();
        }

        await signIn(page, user, `/w/${workspace.slug}/customers`);
        const { customerId, campaignId } = await seed(page, workspace.id, tag);
        const base = `/w/${workspace.slug}`;
        const paths: Record<string, string> = {
          "/customer": `/customers/${customerId}`,
          "/campaign": `/campaigns/${campaignId}`,
          "/event-drawer": "/events",
        };
        for (const screen of screens.filter((name) => name !== "/sign-in")) {
          await page.goto(`${base}${paths[screen] ?? screen}`);
          await settle(page);
          if (screen === "/event-drawer") {
            await page
              .getByRole("row", { name: /Show details/ })
              .first()
              .click();
            await page.getByRole("dialog").waitFor();
            await page.waitForTimeout(300);
          }
          const violations = await seriousViolations(page, screen);
          // Printed as they are found, so a run cut short still says what it saw.
          console.log(`[axe ${scheme}] ${screen}: ${violations.length ? violations.join("; ") : "none"}`);
          found.push(...violations);
          if (PHOTOGRAPHED.has(screen)) await shoot(page, `${screen.slice(1).replaceAll("/", "-")}-${scheme}`);
        }
        expect(found, found.join("\n")).toEqual([]);
      });
    }
  }
});
