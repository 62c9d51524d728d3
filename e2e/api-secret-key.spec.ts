import { backgroundRgb, expect, test } from "./fixtures";

test("a merchant walks through the six steps and the integrator's calls succeed", async ({
  merchantPage: page,
  request,
}, testInfo) => {
  const label = `Checkout ${testInfo.project.name} ${Date.now()}`;

  await test.step("1. generate an API key, shown once", async () => {
    await page.getByRole("button", { name: "Generate API Key" }).click();
    const dialog = page.getByRole("dialog", { name: "New API key" });
    await dialog.getByLabel("Label").fill(label);
    await dialog.getByRole("button", { name: "Generate API Key" }).click();
    await expect(page.getByRole("dialog", { name: "API key created" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "API key created" })).toBeVisible();
  });

  const apiKey = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(apiKey).toMatch(/^[0-9a-f]{64}$/);
  await page
    .getByRole("dialog", { name: "API key created" })
    .getByRole("button", { name: "Close" })
    .first()
    .click();

  const row = page.getByTestId("key-row").filter({ hasText: label });
  await expect(row).toContainText(`${apiKey.slice(0, 4)}…${apiKey.slice(-4)}`);
  await expect(row.getByRole("button", { name: "Generate Tokens" })).toHaveCount(0);

  await test.step("2. restrict by IP, pick the webhook format, save", async () => {
    await row.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Key settings" });
    const ipField = dialog.getByLabel("IP restriction");

    await ipField.fill("127.0.0.1\nnot-an-ip");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByRole("alert")).toContainText("not-an-ip");
    await expect(ipField).toHaveValue("127.0.0.1\nnot-an-ip");

    await dialog.getByRole("radio", { name: "Multiple JSON Data" }).click();
    await expect(dialog.locator("pre")).toContainText(
      '{"event":"payment.result"}\n{"transaction_id"',
    );
    await ipField.fill("127.0.0.1\n::1");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Saved and active");
    await expect(row).toContainText("Multiple JSON");
  });

  let tokens = { clientId: "", clientSecret: "", accessToken: "", refreshToken: "" };

  await test.step("3. generate tokens", async () => {
    await row.getByRole("button", { name: "Generate Tokens" }).click();
    const dialog = page.getByRole("dialog", { name: "Tokens generated" });
    await expect(dialog).toContainText("in 1 hour");

    tokens = {
      clientId: (await dialog.getByTestId("client-id").textContent()) ?? "",
      clientSecret: (await dialog.getByTestId("client-secret").textContent()) ?? "",
      accessToken: (await dialog.getByTestId("access-token").textContent()) ?? "",
      refreshToken: (await dialog.getByTestId("refresh-token").textContent()) ?? "",
    };
    expect(tokens.clientId).toMatch(/^[0-9a-f]{32}$/);
    expect(tokens.clientSecret.length).toBeGreaterThanOrEqual(43);
    await dialog.getByRole("button", { name: "Close" }).first().click();
    await expect(row).toContainText("Access token valid until");
  });

  await test.step("4. switch Enhance Security on: green", async () => {
    const toggle = page.getByRole("switch", { name: `Enhance Security for ${label}` });
    await toggle.click();
    await page
      .getByRole("dialog", { name: "Turn on Enhance Security?" })
      .getByRole("button", { name: "Turn on" })
      .click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    // The switch animates its colour: wait for it to settle on green.
    await expect
      .poll(async () => {
        const [red = 0, green = 0, blue = 0] = await backgroundRgb(page, toggle);

        return green > red + 40 && green > blue + 40;
      })
      .toBe(true);
  });

  await test.step("5. the integrator authorizes with the values the dialogs showed", async () => {
    const authorized = await request.post("/api/authorize", {
      headers: { "X-API-KEY": apiKey, "ACCESS-TOKEN": tokens.accessToken },
      data: { client_id: tokens.clientId, client_secret: tokens.clientSecret },
    });
    expect(authorized.status()).toBe(200);
    expect(await authorized.json()).toMatchObject({
      authorized: true,
      client_id: tokens.clientId,
      enhanced_security: true,
    });

    const keyOnly = await request.get("/api/v1/account", { headers: { "X-API-KEY": apiKey } });
    expect(keyOnly.status()).toBe(401);
    expect((await keyOnly.json()).error).toBe("enhanced_security_required");

    const withToken = await request.get("/api/v1/account", {
      headers: { "X-API-KEY": apiKey, "ACCESS-TOKEN": tokens.accessToken },
    });
    expect(withToken.status()).toBe(200);
    expect((await withToken.json()).api_key.label).toBe(label);
  });

  await test.step("6. refresh returns a new refresh token; the old access token stops", async () => {
    const refreshed = await request.post("/api/refresh", {
      headers: { "X-API-KEY": apiKey },
      data: {
        client_id: tokens.clientId,
        client_secret: tokens.clientSecret,
        refresh_token: tokens.refreshToken,
      },
    });
    expect(refreshed.status()).toBe(200);
    const renewed = await refreshed.json();
    expect(renewed).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    expect(renewed.refresh_token).not.toBe(tokens.refreshToken);

    const authorizeWith = (accessToken: string) =>
      request.post("/api/authorize", {
        headers: { "X-API-KEY": apiKey, "ACCESS-TOKEN": accessToken },
        data: { client_id: tokens.clientId, client_secret: tokens.clientSecret },
      });
    expect((await authorizeWith(renewed.access_token)).status()).toBe(200);
    expect((await authorizeWith(tokens.accessToken)).status()).toBe(401);
  });

  await test.step("after a reload only masked values remain", async () => {
    await page.reload();
    await expect(row).toContainText("Saved and active");
    const html = await page.content();

    for (const secret of [apiKey, tokens.clientSecret, tokens.accessToken, tokens.refreshToken]) {
      expect(html).not.toContain(secret);
    }
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  });

  await test.step("revoking the key stops its tokens at once", async () => {
    await row.getByRole("button", { name: "Revoke" }).click();
    await page
      .getByRole("dialog", { name: "Revoke API key?" })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expect(row).toContainText("Revoked");

    const denied = await request.get("/api/v1/account", { headers: { "X-API-KEY": apiKey } });
    expect(denied.status()).toBe(401);
  });
});

test("pages redirect to sign-in without a session", async ({ page }) => {
  await page.goto("/account-security/api-secret-key");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
