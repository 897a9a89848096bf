// Masking by role in the browser: a Guest sees a customer's personal data masked in the explorer and on the
// profile (the server masks it; the screen only shows what it gets), with free-text search off; an Admin
// switches that guest to clear on the members screen, and the guest then reads the values.
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

// This machine builds and tests in parallel with other work: allow a loaded server more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

const results = (page: Page) => page.getByRole("table").first().locator("tbody tr");

async function signedIn(browser: Browser, user: { email: string; password: string }, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, path);
  return page;
}

test.describe("masking by role", () => {
  test("a guest sees personal data masked until an admin switches it off", async ({ browser }) => {
    test.setTimeout(180_000);
    const tag = uniqueTag();
    const [admin, guest, workspace] = await Promise.all([
      createUser("Ada Admin"),
      createUser("Gus Guest"),
      createWorkspace(`Masking ${tag}`),
    ]);
    await addMember(workspace, admin, "admin");
    await addMember(workspace, guest, "guest");

    const adminPage = await signedIn(browser, admin, `/w/${workspace.slug}/customers`);
    const created = await adminPage.request.post(`/api/v1/workspaces/${workspace.id}/customers`, {
      data: {
        externalId: `crm-${tag}`,
        tags: [`t${tag}`],
        base: {
          firstName: "Lucia",
          lastName: "Bianchi",
          contacts: { email: `lucia.bianchi.${tag}@example.com` },
          address: { city: "Torino", country: "IT" },
        },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const customerId = ((await created.json()) as { id: string }).id;

    // The guest: masked in the list, on the profile, and no search by personal values.
    const guestPage = await signedIn(browser, guest, `/w/${workspace.slug}/customers`);
    await expect(results(guestPage).first()).toContainText("L***");
    await expect(guestPage.getByRole("table").first()).not.toContainText("Bianchi");
    await expect(guestPage.getByRole("table").first()).not.toContainText(`lucia.bianchi.${tag}`);
    await expect(guestPage.getByRole("textbox", { name: "Search customers" })).toBeDisabled();
    await guestPage.goto(`/w/${workspace.slug}/customers/${customerId}`);
    await expect(guestPage.getByRole("heading", { level: 1 })).toContainText("L***");
    await expect(guestPage.getByText("Torino").first()).toBeVisible();
    await expect(guestPage.locator("body")).not.toContainText("Bianchi");
    await expect(guestPage.locator("body")).not.toContainText(`lucia.bianchi.${tag}`);

    // The admin switches the guest to clear on the members screen.
    await adminPage.goto(`/w/${workspace.slug}/settings/members`);
    const masking = adminPage.getByRole("switch", { name: `${guest.name} sees personal data masked` });
    await expect(masking).toBeChecked();
    // Mantine draws the track over the real checkbox: switch it as a keyboard user does.
    await masking.focus();
    await adminPage.keyboard.press("Space");
    await expect(adminPage.getByText(`${guest.name} now sees personal data in clear.`)).toBeVisible();
    await expect(masking).not.toBeChecked();

    // The guest reads the values now (a fresh load: the setting is the server's, not the screen's).
    await guestPage.goto(`/w/${workspace.slug}/customers/${customerId}`);
    await expect(guestPage.getByRole("heading", { level: 1 })).toContainText("Lucia Bianchi");
    await expect(guestPage.locator("body")).toContainText(`lucia.bianchi.${tag}@example.com`);
  });
});
