import { expect, test } from "./fixtures";

test("a save that succeeds clears the errors of earlier attempts, and a repeated error shows once", async ({
  merchantPage: page,
}, testInfo) => {
  const label = `Toasts ${testInfo.project.name} ${Date.now()}`;
  const created = await page.request.post("/api/keys", { data: { label } });
  const keyId = (await created.json()).key.id;

  await page.reload();

  const toasts = page.getByTestId("toast");
  const errors = toasts.filter({ hasText: `Could not save the settings of ${label}` });
  const row = page.getByTestId("key-row").filter({ hasText: label });
  const dialog = page.getByRole("dialog", { name: "Key settings" });
  const ipField = dialog.getByLabel("IP restriction");
  const save = dialog.getByRole("button", { name: "Save" });

  async function submit() {
    const answered = page.waitForResponse((response) =>
      response.url().endsWith(`/api/keys/${keyId}/settings`),
    );

    await save.click();
    await answered;
    await expect(save).toBeEnabled();
  }

  await row.getByRole("button", { name: "Settings" }).click();
  await ipField.fill("not-an-ip");
  await submit();
  await expect(errors).toHaveCount(1);
  await expect(errors).toContainText("not-an-ip");

  await submit();
  await expect(errors).toHaveCount(1);

  await ipField.fill("127.0.0.1");
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(toasts.filter({ hasText: `Settings saved for ${label}` })).toBeVisible();
  expect(await errors.count()).toBe(0);
});
