/**
 * Regenerates docs/screenshot.png: the API Secret Key page of the production build, with three
 * demo keys, as a merchant in London sees it. Run `npm run build` first; PORT picks the port.
 * The server runs on the end-to-end tests' database file, so do not run both at once.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";

import { chromium, type APIRequestContext } from "@playwright/test";

const port = Number(process.env.PORT ?? 3230);
const baseURL = `http://127.0.0.1:${port}`;
const debianChromium = "/usr/bin/chromium";
const output = "docs/screenshot.png";

type KeySetup = {
  label: string;
  settings?: { ip_allowlist: string[]; webhook_format: "single" | "multiple" };
  enhancedSecurity?: boolean;
  call?: boolean;
};

const KEYS: KeySetup[] = [
  {
    label: "Checkout server",
    settings: { ip_allowlist: ["203.0.113.10", "127.0.0.1"], webhook_format: "single" },
    enhancedSecurity: true,
    call: true,
  },
  {
    label: "Webhook relay",
    settings: { ip_allowlist: ["198.51.100.0/24"], webhook_format: "multiple" },
  },
  { label: "Staging" },
];

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 120_000;

  while (Date.now() < deadline) {
    const response = await fetch(`${baseURL}/sign-in`).catch(() => null);

    if (response?.ok) {
      return;
    }

    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  throw new Error(`The server did not answer on ${baseURL} within two minutes`);
}

async function postJson(
  api: APIRequestContext,
  method: "post" | "put",
  url: string,
  data?: object,
) {
  const response = await api[method](url, { data });

  if (!response.ok()) {
    throw new Error(
      `${method.toUpperCase()} ${url}: ${response.status()} ${await response.text()}`,
    );
  }

  return response.json();
}

async function addKey(api: APIRequestContext, setup: KeySetup): Promise<void> {
  const created = await postJson(api, "post", "/api/keys", { label: setup.label });
  const keyUrl = `/api/keys/${created.key.id}`;

  if (!setup.settings) {
    return;
  }

  await postJson(api, "put", `${keyUrl}/settings`, setup.settings);

  const { tokens } = await postJson(api, "post", `${keyUrl}/tokens`);

  if (setup.enhancedSecurity) {
    await postJson(api, "put", `${keyUrl}/enhanced-security`, { enabled: true });
  }

  if (setup.call) {
    const response = await fetch(`${baseURL}/api/authorize`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-API-KEY": created.api_key,
        "ACCESS-TOKEN": tokens.access_token,
      },
      body: JSON.stringify({ client_id: tokens.client_id, client_secret: tokens.client_secret }),
    });

    if (!response.ok) {
      throw new Error(`authorize: ${response.status} ${await response.text()}`);
    }
  }
}

async function capture(): Promise<void> {
  const browser = await chromium.launch(
    fs.existsSync(debianChromium)
      ? { executablePath: debianChromium, args: ["--no-sandbox", "--disable-gpu"] }
      : {},
  );

  try {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1440, height: 860 },
      deviceScaleFactor: 1,
      locale: "en-GB",
      timezoneId: "Europe/London",
    });
    const page = await context.newPage();

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("merchant@keyward.test");
    await page.getByLabel("Password").fill("keyward-merchant-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account-security\/api-secret-key$/);

    for (const setup of KEYS) {
      await addKey(page.request, setup);
    }

    await page.reload();
    await page
      .getByTestId("key-row")
      .nth(KEYS.length - 1)
      .waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: output, animations: "disabled", caret: "hide" });
  } finally {
    await browser.close();
  }
}

const server = spawn("bash", ["scripts/e2e-server.sh"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NEXTAUTH_URL: baseURL },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});

try {
  await waitForServer();
  await capture();
  console.log(`Wrote ${output}`);
} finally {
  if (server.pid) {
    process.kill(-server.pid, "SIGTERM");
  }
}
