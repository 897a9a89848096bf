// Empty states promise only what exists (issue 17): in an empty workspace each role is offered the ways
// in that it can use — a guest no source set-up (the sources screen is for admins) and no "save a view",
// a writer the CSV import — and every offered link opens a screen that does what it says.
import path from "node:path";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { photographInEachScheme } from "./helpers/screenshots";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 15_000 });
const SCREENS = path.resolve(import.meta.dirname, "../test-results/screens-empty");

function shoot(page: Page, name: string): Promise<void> {
  return photographInEachScheme(page, (scheme, size) => path.join(SCREENS, `${name}-${scheme}-${size}.png`), {
    settleMs: 200,
  });
}

test("empty states offer each role only what it can do, and their links lead there", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const [admin, guest, workspace] = await Promise.all([
    createUser("Erin Empty"),
    createUser("Gil Guest"),
    createWorkspace(`Empty ${tag}`),
  ]);
  await addMember(workspace, admin, "admin");
  await addMember(workspace, guest, "guest");
  const base = `/w/${workspace.slug}`;

  await signIn(page, admin, `${base}/customers`);
  const main = page.getByRole("main");
  await expect(main.getByText("No customers yet")).toBeVisible();
  await shoot(page, "customers-admin");
  await main.getByRole("link", { name: "Import a CSV file" }).click();
  await expect(page.getByRole("heading", { name: "Import customers", level: 1 })).toBeVisible();
  await page.goto(`${base}/customers`);
  await main.getByRole("link", { name: "Set up a source" }).click();
  await expect(page.getByText("No sources yet")).toBeVisible();
  await expect(main.getByText(/Shopify or WooCommerce store is a source too/)).toBeVisible();
  await page.goto(`${base}/events`);
  await expect(main.getByText("No events yet")).toBeVisible();
  await expect(main.getByText(/connect a Shopify or WooCommerce store as a source/)).toBeVisible();
  await expect(main.getByRole("link", { name: "Set up a source" })).toHaveAttribute("href", `${base}/settings/sources`);
  await shoot(page, "events-admin");

  const guestContext = await browser.newContext();
  const guestPage = await guestContext.newPage();
  await signIn(guestPage, guest, `${base}/customers`);
  const guestMain = guestPage.getByRole("main");
  await expect(guestMain.getByText("No customers yet")).toBeVisible();
  await expect(guestMain.getByText(/when members add or import them/)).toBeVisible();
  await shoot(guestPage, "customers-guest");
  await expect(guestMain.getByRole("link", { name: "Set up a source" })).toHaveCount(0);
  await expect(guestMain.getByRole("link", { name: "Import a CSV file" })).toHaveCount(0);
  await expect(guestMain.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/api");
  await guestPage.goto(`${base}/events`);
  await expect(guestMain.getByText(/ask an admin to connect a Shopify or WooCommerce store/)).toBeVisible();
  await expect(guestMain.getByRole("link", { name: "Set up a source" })).toHaveCount(0);
  await guestPage.goto(`${base}/views`);
  await expect(guestMain.getByText("No views yet")).toBeVisible();
  await expect(guestMain.getByText(/Members who edit customers save them/)).toBeVisible();
  await shoot(guestPage, "views-guest");
  await guestContext.close();
});
