import { expect, submitSignIn, SUPPORT, test } from "./fixtures";

test("support revokes a leaked token family; the merchant sees the refused call", async ({
  merchantPage,
  supportPage,
  request,
}, testInfo) => {
  const label = `Leaky ${testInfo.project.name} ${Date.now()}`;
  const reason = "Client secret pasted in a public ticket";
  let credentials = { apiKey: "", clientId: "", clientSecret: "", accessToken: "" };
  let keyId = "";

  const authorize = () =>
    request.post("/api/authorize", {
      headers: { "X-API-KEY": credentials.apiKey, "ACCESS-TOKEN": credentials.accessToken },
      data: { client_id: credentials.clientId, client_secret: credentials.clientSecret },
    });

  await test.step("the merchant has a key with tokens that the integrator uses", async () => {
    const portal = merchantPage.request;
    const created = await (await portal.post("/api/keys", { data: { label } })).json();

    keyId = created.key.id;
    await portal.put(`/api/keys/${keyId}/settings`, {
      data: { ip_allowlist: [], webhook_format: "single" },
    });

    const { tokens } = await (await portal.post(`/api/keys/${keyId}/tokens`)).json();

    credentials = {
      apiKey: created.api_key,
      clientId: tokens.client_id,
      clientSecret: tokens.client_secret,
      accessToken: tokens.access_token,
    };
    expect((await authorize()).status()).toBe(200);
  });

  const page = supportPage;

  await test.step("support finds the merchant and the token set", async () => {
    await page.getByLabel(/Search by merchant name/).fill("Demo Merchant");
    await page.getByRole("link", { name: "Demo Merchant Ltd" }).click();
    await expect(page.getByRole("heading", { name: "Demo Merchant Ltd" })).toBeVisible();

    const key = page.getByTestId("support-key").filter({ hasText: label });
    const set = key.getByTestId("token-set-row").filter({ hasText: credentials.clientId });

    await expect(set).toContainText("Active");
    await set.getByRole("link", { name: "Timeline" }).click();
  });

  await test.step("support reads the family's timeline", async () => {
    const timeline = page.getByRole("list", { name: "Token family timeline" });

    await expect(page.getByRole("heading", { name: "Token family" })).toBeVisible();
    await expect(timeline.getByTestId("audit-event")).toHaveCount(2);
    await expect(timeline.getByTestId("audit-event").nth(0)).toContainText("Tokens generated");
    await expect(timeline.getByTestId("audit-event").nth(1)).toContainText("API: authorize");
  });

  await test.step("support revokes the family with a reason", async () => {
    await page.getByRole("button", { name: "Revoke token family" }).click();

    const dialog = page.getByRole("dialog", { name: "Revoke token family?" });

    await expect(dialog.getByRole("button", { name: "Revoke" })).toBeDisabled();
    await dialog.getByLabel(/Reason/).fill(reason);
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Revoke token family" })).toHaveCount(0);
    await expect(page.getByText(/: Revoked by Keyward support\./)).toBeVisible();
    await expect(page.getByTestId("audit-event").last()).toContainText(reason);
  });

  let requestId = "";

  await test.step("the integrator's next call fails", async () => {
    const refused = await authorize();

    expect(refused.status()).toBe(401);
    requestId = (await refused.json()).request_id;
  });

  await test.step("support explains the rejection from its request id", async () => {
    await page.getByRole("link", { name: "Explain a rejection" }).click();
    await page.getByLabel(/Request ID/).fill(requestId);
    await page.getByRole("button", { name: "Explain" }).click();
    await expect(page.getByTestId("audit-event")).toContainText("invalid_client");
    await expect(page.getByTestId("audit-event")).toContainText("token set revoked or replaced");

    await page.getByLabel(/Request ID/).fill("no-such-request");
    await page.getByRole("button", { name: "Explain" }).click();
    await expect(page.getByText("No event was recorded with request ID")).toBeVisible();
    await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  });

  await test.step("the merchant opens the key's activity and sees that failed call", async () => {
    await merchantPage.reload();
    await expect(merchantPage.getByTestId("key-row").filter({ hasText: label })).toContainText(
      "Revoked by Keyward support",
    );
    await merchantPage
      .getByTestId("key-row")
      .filter({ hasText: label })
      .getByRole("link", { name: `Activity of ${label}` })
      .click();
    await expect(merchantPage.getByRole("heading", { name: `Activity of ${label}` })).toBeVisible();

    const refused = merchantPage.getByTestId("key-call").filter({ hasText: requestId });

    await expect(refused).toContainText("denied");
    await expect(refused).toContainText("invalid_client");
    await expect(merchantPage.getByTestId("key-event").first()).toContainText(reason);
  });

  await test.step("no secret reached either browser", async () => {
    for (const html of [await page.content(), await merchantPage.content()]) {
      for (const secret of [
        credentials.apiKey,
        credentials.clientSecret,
        credentials.accessToken,
      ]) {
        expect(html).not.toContain(secret);
      }
    }
  });
});

test("a merchant gets 403 on support pages", async ({ merchantPage }) => {
  const response = await merchantPage.goto("/support/audit");

  expect(response?.status()).toBe(403);
  await expect(merchantPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("a signed-out deep link to a filtered audit log opens with its filters after sign-in", async ({
  page,
}) => {
  const deepLink = "/support/audit?type=api.authorize&merchant_id=deep-link-merchant";

  await page.goto(deepLink);
  await submitSignIn(page, SUPPORT);

  await expect(page).toHaveURL(deepLink);
  await expect(page.getByLabel("Event type")).toHaveValue("api.authorize");
  await expect(page.getByLabel("Merchant ID")).toHaveValue("deep-link-merchant");
});
