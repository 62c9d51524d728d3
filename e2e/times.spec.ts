import type { Page } from "@playwright/test";

import { formatZonedTime } from "../lib/date-time";

import { expect, test } from "./fixtures";

const VIEWER = { locale: "en-US", timeZone: "Asia/Kolkata" };

test.use({ locale: VIEWER.locale, timezoneId: VIEWER.timeZone });

const sameSpaces = (text: string) => text.replace(/\s/g, " ");

/** Every time on the page: local to the viewer with its zone, and the exact UTC instant. */
async function expectZonedTimes(page: Page) {
  const times = page.locator("main time");

  await expect(times.first()).toBeVisible();

  for (const time of await times.all()) {
    const instant = (await time.getAttribute("datetime")) ?? "";

    expect(instant).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(time).toHaveAttribute("title", instant);
    expect(sameSpaces(await time.innerText())).toBe(sameSpaces(formatZonedTime(instant, VIEWER)));
  }
}

test("times show the viewer's zone, with the exact UTC instant on hover", async ({
  merchantPage,
  supportPage,
}, testInfo) => {
  const label = `Times ${testInfo.project.name} ${Date.now()}`;
  const created = await (await merchantPage.request.post("/api/keys", { data: { label } })).json();

  await merchantPage.reload();

  const createdAt: string = created.key.created_at;
  const row = merchantPage.getByTestId("key-row").filter({ hasText: label });
  const createdTime = row.locator(`time[datetime="${createdAt}"]`).first();

  await expect(createdTime).toContainText("GMT+5:30");
  await expectZonedTimes(merchantPage);

  await row.getByRole("link", { name: `Activity of ${label}` }).click();
  await expect(merchantPage.getByTestId("key-event")).toContainText("GMT+5:30");
  await expectZonedTimes(merchantPage);

  await supportPage.goto(`/support/audit?key_id=${created.key.id}`);
  await expect(supportPage.getByTestId("audit-row").first()).toContainText("GMT+5:30");
  await expectZonedTimes(supportPage);
});
