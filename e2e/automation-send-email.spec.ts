// The sendEmail automation action in the admin app: a User picks a draft campaign as the triggered e-mail
// in the automation dialog (no id typed), saves it, a customer's event triggers it, and the run says
// "sent" with the personalised message in the sandbox outbox (no SMTP in e2e); a customer without consent
// is skipped, and the run says why.
import { expect as baseExpect, test } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 20_000 });

test.describe("automations that send an e-mail", () => {
  test.use({ actionTimeout: 20_000 });

  test("a user adds a sendEmail action with the campaign picker, and its runs send or skip", async ({ page }) => {
    test.setTimeout(180_000);
    const tag = uniqueTag();
    const [user, workspace] = await Promise.all([createUser("Tia Trigger"), createWorkspace(`Triggered ${tag}`)]);
    await addMember(workspace, user, "user");
    await signIn(page, user, `/w/${workspace.slug}/settings/automations`);
    const ws = workspace.id;

    const campaign = await page.request.post(`/api/v1/workspaces/${ws}/campaigns`, {
      data: {
        name: `Welcome ${tag}`,
        subject: "Welcome, {{ customer.base.firstName }}",
        html: "<p>Hello {{ customer.base.firstName }}</p>",
      },
    });
    expect(campaign.status(), await campaign.text()).toBe(201);
    const campaignId = ((await campaign.json()) as { id: string }).id;
    const customers: Record<string, string> = {};
    for (const [name, consent] of [
      ["Lia", true],
      ["Rex", false],
    ] as const) {
      const res = await page.request.post(`/api/v1/workspaces/${ws}/customers`, {
        data: {
          externalId: `${name}-${tag}`,
          base: { firstName: name, contacts: { email: `${name.toLowerCase()}.${tag}@example.com` } },
          consents: { marketing: { automatic: { email: { status: consent } } } },
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      customers[name] = ((await res.json()) as { id: string }).id;
    }

    await test.step("create the automation with the campaign picker", async () => {
      await expect(page.getByText("No automations yet")).toBeVisible();
      await page.getByRole("button", { name: "New automation" }).first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "Name" }).fill("Welcome mail");
      await dialog.getByRole("textbox", { name: "When an event of type" }).fill("loggedIn");
      await dialog.getByRole("textbox", { name: "Actions (JSON, run in order)" }).fill("[]");
      await dialog.getByRole("combobox", { name: "Send a campaign's e-mail" }).click();
      await page.getByRole("option", { name: `Welcome ${tag} (draft)` }).click();
      await dialog.getByRole("button", { name: "Add sendEmail action" }).click();
      await expect(dialog.getByRole("textbox", { name: "Actions (JSON, run in order)" })).toHaveValue(
        new RegExp(`"type": "sendEmail",\\s*"campaignId": "${campaignId}"`),
      );
      await dialog.getByRole("button", { name: "Create automation" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId("automation-row")).toContainText("Welcome mail");
      await expect(page.getByTestId("automation-row")).toContainText("1 action(s)");
    });

    await test.step("an event sends the message, and a customer without consent is skipped", async () => {
      const events = await page.request.post(`/api/v1/workspaces/${ws}/events/batch`, {
        data: {
          events: [
            { type: "loggedIn", customerId: customers.Lia, properties: {} },
            { type: "loggedIn", customerId: customers.Rex, properties: {} },
          ],
        },
      });
      expect(events.status(), await events.text()).toBeLessThan(300);
      await page.getByRole("button", { name: "Runs" }).click();
      const runs = page.getByTestId("automation-run");
      await expect(runs).toHaveCount(2);
      await expect(runs.filter({ hasText: "sendEmail ✓" }).filter({ hasText: "skipped: no consent" })).toHaveCount(1);
      await expect(runs.filter({ hasText: "succeeded" })).toHaveCount(2);
      await page.keyboard.press("Escape");

      await page.goto(`/w/${workspace.slug}/campaigns/outbox`);
      await expect(page.getByRole("button", { name: /^Welcome, Lia/ })).toBeVisible();
      await expect(page.getByRole("button", { name: /^Welcome, Rex/ })).toHaveCount(0);
    });
  });
});
