// Source names, not ids (issue 17): a guest sees the name of the source that sent a customer's data on
// the profile (identities and sources) and in the event drawer, though sources themselves are admin-only.
import { expect as baseExpect, test } from "@playwright/test";
import { addMember, createSource, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 20_000 });

test("a guest sees source names on the profile and in the event drawer", async ({ page }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const [user, workspace] = await Promise.all([createUser("Gina Guest"), createWorkspace(`Names ${tag}`)]);
  await addMember(workspace, user, "guest");
  const sourceName = `Shop ${tag}`;
  const source = await createSource(workspace, sourceName);
  // The shop's own write key sends who the visitor is and what they did.
  const sent = await page.request.post("/v1/batch", {
    headers: { "content-type": "text/plain" },
    data: JSON.stringify({
      writeKey: source.writeKey,
      batch: [
        { type: "identify", userId: `u-${tag}`, traits: { email: `nina.${tag}@example.com`, firstName: "Nina" } },
        // A page view: a track call needs its event mapped first (unmapped ones are held back).
        { type: "page", userId: `u-${tag}`, name: "Home", properties: { url: "https://shop.example.com/" } },
      ],
    }),
  });
  expect(sent.status(), await sent.text()).toBeLessThan(300);

  await signIn(page, user, `/w/${workspace.slug}/events`);
  const ws = workspace.id;
  let customerId = "";
  await expect(async () => {
    const res = await page.request.get(`/api/v1/workspaces/${ws}/events?limit=10`);
    const events = ((await res.json()) as { data: { customerId: string | null; sourceId: string | null }[] }).data;
    const event = events.find((candidate) => candidate.customerId && candidate.sourceId === source.id);
    expect(event).toBeDefined();
    customerId = event!.customerId!;
  }).toPass({ timeout: 60_000 });

  await page.goto(`/w/${workspace.slug}/events`);
  await page
    .getByRole("row", { name: /Show details/ })
    .first()
    .click();
  const drawer = page.getByRole("dialog", { name: "Event details" });
  await expect(drawer.getByText(sourceName, { exact: true })).toBeVisible();
  await expect(drawer).not.toContainText(source.id);

  await page.goto(`/w/${workspace.slug}/customers/${customerId}`);
  await expect(page.getByRole("cell", { name: sourceName, exact: true }).first()).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(source.id.slice(-8));
});
