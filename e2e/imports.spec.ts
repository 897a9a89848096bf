// CSV import in the admin app (issue 16): from the customer explorer, an admin chooses a file, sees the
// columns mapped from its header row (a plain "E-mail" header suggested as the e-mail field), previews the
// first rows, imports, watches the progress bar reach the end and downloads the rejected rows.
import { readFile } from "node:fs/promises";
import { expect as baseExpect, test } from "@playwright/test";
import { addMember, createUser, createWorkspace, uniqueTag } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

// This machine builds and tests in parallel with other work: allow a loaded server more than the default 5 s.
const expect = baseExpect.configure({ timeout: 20_000 });

const CSV = [
  "E-mail,base.firstName,tags,Newsletter",
  "ada@example.com,Ada,vip,yes",
  "linus@example.com,Linus,,no",
  "not-an-email,Broken,,yes",
].join("\n");

test("an admin imports a CSV file from the customer explorer", async ({ page }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const [admin, workspace] = await Promise.all([createUser("Ida Importer"), createWorkspace(`Import ${tag}`)]);
  await addMember(workspace, admin, "admin");
  await signIn(page, admin, `/w/${workspace.slug}/customers`);

  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import customers", level: 1 })).toBeVisible();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: `people-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(CSV) });

  // Suggested from the header row: plain wordings guessed, field paths mapping themselves.
  await expect(page.getByRole("combobox", { name: "Field for E-mail" })).toHaveValue("base.contacts.email");
  await expect(page.getByRole("combobox", { name: "Field for Newsletter" })).toHaveValue(
    "consents.marketing.automatic.email",
  );
  await expect(page.getByRole("combobox", { name: "Field for base.firstName" })).toHaveValue("base.firstName");

  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("The first 3 rows: 2 new, 0 existing, 1 rejected");

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-status")).toHaveText("completed", { timeout: 90_000 });
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("import-counts")).toContainText("3 rows read · 2 created · 0 updated · 1 rejected");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the rejected rows" }).click();
  const file = await (await download).path();
  const text = await readFile(file, "utf8");
  expect(text).toMatch(/^line,reason\r?\n4,.*e-mail/);

  // The customers are there, with the consent the file gave.
  const list = await page.request.get(`/api/v1/workspaces/${workspace.id}/customers?q=ada@example.com`);
  const body = (await list.json()) as { data: { base: { firstName?: string } }[] };
  expect(body.data.map((c) => c.base.firstName)).toEqual(["Ada"]);
});
