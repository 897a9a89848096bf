// Webhooks and automations settings as an admin uses them: create a webhook to a real local receiver (the
// secret shown once), ping it and see the delivery — verified at the receiver with the `standardwebhooks`
// package; rotate its secret (shown once, Esc asks first) and see the next delivery signed with the new one;
// then create an automation, disable it, and open its runs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect as baseExpect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { addMember, createUser, createWorkspace } from "./helpers/accounts";
import { photographInEachScheme } from "./helpers/screenshots";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 15_000 });
const SCREENS = path.resolve(import.meta.dirname, "../test-results/screens-webhooks");

test.describe("webhooks and automations settings", () => {
  test.use({ actionTimeout: 20_000 });

  test("an admin creates a webhook, pings it, sees the delivery, and manages an automation", async ({ page }) => {
    test.setTimeout(180_000);
    const received: { body: string; headers: Record<string, string> }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers as Record<string, string> });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      const admin = await createUser("Ada Hooks");
      const workspace = await createWorkspace("Hooks Works");
      await addMember(workspace, admin, "admin");
      await signIn(page, admin, "/settings/webhooks");

      let secret = "";
      await test.step("create a webhook and copy its secret", async () => {
        await expect(page.getByText("No webhooks yet")).toBeVisible();
        await page.getByRole("button", { name: "New webhook" }).first().click();
        const dialog = page.getByRole("dialog");
        await dialog.getByRole("textbox", { name: "URL" }).fill(url);
        await dialog.getByRole("button", { name: "Create webhook" }).click();
        await expect(dialog.getByText("Signing secret")).toBeVisible();
        secret =
          (await dialog
            .getByText(/^whsec_/)
            .first()
            .textContent()) ?? "";
        expect(secret).toMatch(/^whsec_/);
        await dialog.getByRole("button", { name: "I have saved the secret" }).click();
        await expect(page.getByTestId("webhook-row")).toContainText(url);
      });

      await test.step("ping it and see the delivery", async () => {
        await page.getByRole("button", { name: "Ping" }).click();
        await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
        const message = new Webhook(secret).verify(received[0].body, received[0].headers) as { type: string };
        expect(message.type).toBe("webhook.ping");
        await page.getByRole("button", { name: "Deliveries" }).click();
        await expect(page.getByTestId("webhook-delivery").first()).toContainText("delivered");
        await page.keyboard.press("Escape");
      });

      await test.step("rotate the secret: shown once, Esc asks first, and the next delivery is signed with it", async () => {
        await page.getByRole("button", { name: `Rotate secret of ${url}` }).click();
        const confirm = page.getByRole("dialog", { name: "Rotate the signing secret?" });
        await confirm.getByRole("button", { name: "Rotate secret" }).click();
        const dialog = page.getByRole("dialog", { name: "New signing secret" });
        const shown = dialog.getByText(/^whsec_/).first();
        await expect(shown).toBeVisible();
        const rotated = (await shown.textContent()) ?? "";
        expect(rotated).toMatch(/^whsec_/);
        expect(rotated).not.toBe(secret);
        await page.keyboard.press("Escape");
        await expect(dialog.getByRole("alertdialog", { name: "Close without saving the secret?" })).toBeVisible();
        await dialog.getByRole("button", { name: "Keep it open" }).click();
        await expect(shown).toHaveText(rotated);
        await photographInEachScheme(
          page,
          (scheme, size) => path.join(SCREENS, `rotated-secret-${scheme}-${size}.png`),
          {
            settleMs: 300,
          },
        );
        await dialog.getByRole("button", { name: "I have saved the secret" }).click();
        await expect(dialog).toBeHidden();

        const before = received.length;
        await page.getByRole("button", { name: "Ping" }).click();
        await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(before);
        const { body, headers } = received[received.length - 1];
        expect((new Webhook(rotated).verify(body, headers) as { type: string }).type).toBe("webhook.ping");
        expect(() => new Webhook(secret).verify(body, headers)).toThrow();
      });

      await test.step("create an automation, disable it and open its runs", async () => {
        await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Automations" }).click();
        await expect(page.getByText("No automations yet")).toBeVisible();
        await page.getByRole("button", { name: "New automation" }).first().click();
        const dialog = page.getByRole("dialog");
        await dialog.getByRole("textbox", { name: "Name" }).fill("Tag buyers");
        await dialog.getByRole("textbox", { name: "When an event of type" }).fill("completedOrder");
        await dialog.getByRole("button", { name: "Create automation" }).click();
        await expect(dialog).toBeHidden();
        const row = page.getByTestId("automation-row");
        await expect(row).toContainText("Tag buyers");
        await expect(row).toContainText("completedOrder · known");
        await row.getByRole("switch").click({ force: true });
        await page.reload();
        await expect(page.getByTestId("automation-row").getByRole("switch")).not.toBeChecked();
        await page.getByRole("button", { name: "Runs" }).click();
        await expect(page.getByText("No runs yet.")).toBeVisible();
      });
    } finally {
      receiver.close();
    }
  });
});
