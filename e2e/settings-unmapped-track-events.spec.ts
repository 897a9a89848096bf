// The workspace setting for track names without a standard type, as an admin sets it: the radio in
// Settings → Workspace, saved, kept on reload, and obeyed by the tracking API (/v1/track) right away.
import { expect as baseExpect, test, type APIRequestContext } from "@playwright/test";
import { addMember, createSource, createUser, createWorkspace } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 15_000 });

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;

async function trackUnmapped(request: APIRequestContext, writeKey: string) {
  const res = await request.post("/v1/track", {
    headers: { authorization: basic(writeKey), "content-type": "application/json" },
    data: { event: "Coupon Shared", userId: "e2e-unmapped", properties: { code: "SPRING" } },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as { accepted: number; rejected: number };
}

test.describe("unmapped track events setting", () => {
  test.use({ actionTimeout: 20_000 });

  test("an admin switches to rejecting unmapped names; the tracking API follows", async ({ page, request }) => {
    test.setTimeout(120_000);
    const admin = await createUser("Ada Mapping");
    const workspace = await createWorkspace("Mapping Works");
    await addMember(workspace, admin, "admin");
    const source = await createSource(workspace, "Shop");

    await test.step("by default an unmapped name is kept as a custom event", async () => {
      expect(await trackUnmapped(request, source.writeKey)).toMatchObject({ accepted: 1, rejected: 0 });
    });

    await signIn(page, admin, "/settings/workspace");
    const group = page.getByRole("radiogroup", { name: "Track events without a standard type" });
    const keep = group.getByRole("radio", { name: "Keep as custom events" });
    const reject = group.getByRole("radio", { name: "Reject them" });

    await test.step("choose Reject them and save", async () => {
      await expect(keep).toBeChecked();
      await reject.check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("Workspace settings saved.")).toBeVisible();
    });

    await test.step("the choice is kept and the tracking API refuses unmapped names", async () => {
      await page.reload();
      await expect(page.getByRole("radio", { name: "Reject them" })).toBeChecked();
      expect(await trackUnmapped(request, source.writeKey)).toMatchObject({ accepted: 0, rejected: 1 });
    });

    await test.step("back to keeping them", async () => {
      await page.getByRole("radio", { name: "Keep as custom events" }).check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("Workspace settings saved.")).toBeVisible();
      expect(await trackUnmapped(request, source.writeKey)).toMatchObject({ accepted: 1, rejected: 0 });
    });
  });
});
