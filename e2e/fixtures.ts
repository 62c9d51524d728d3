import { expect, test as base, type Locator, type Page } from "@playwright/test";

export const MERCHANT = { email: "merchant@keyward.test", password: "keyward-merchant-demo" };
export const SUPPORT = { email: "support@keyward.test", password: "keyward-support-demo" };

type Account = { email: string; password: string };

export async function signIn(page: Page, account: Account) {
  await page.goto("/");
  await submitSignIn(page, account);
}

/** Fills and sends the sign-in form the page was sent to. */
export async function submitSignIn(page: Page, account: Account) {
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const test = base.extend<{ merchantPage: Page; supportPage: Page }>({
  merchantPage: async ({ page }, provide) => {
    await signIn(page, MERCHANT);
    await expect(page).toHaveURL(/\/account-security\/api-secret-key$/);
    await provide(page);
  },
  supportPage: async ({ browser }, provide) => {
    const context = await browser.newContext();
    const page = await context.newPage();

    await signIn(page, SUPPORT);
    await expect(page).toHaveURL(/\/support$/);
    await provide(page);
    await context.close();
  },
});

export { expect };

/** Green when the switch is on: its computed background, painted on a canvas, read back as RGB. */
export async function backgroundRgb(page: Page, selector: Locator): Promise<number[]> {
  const color = await selector.evaluate((element) => getComputedStyle(element).backgroundColor);

  return page.evaluate((css) => {
    const context = document.createElement("canvas").getContext("2d");

    if (!context) {
      return [];
    }

    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);

    return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }, color);
}
