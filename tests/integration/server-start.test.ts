import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { environment } from "./helpers/environment";
import { freePort, run } from "./helpers/processes";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs the production server to its exit; a server that wrongly starts times the test out. */
async function startExpectingExit(settings: Record<string, string>) {
  const result = await run(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      DATABASE_URL: environment().database.url,
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
      ...settings,
    },
  });

  return { code: result.code, output: `${result.stdout}\n${result.stderr}` };
}

describe("the server refuses to start on a setting it cannot work with", () => {
  let blackHole: net.Server;
  let blackHolePort = 0;
  const sockets = new Set<net.Socket>();
  const emptyFile = path.join(root, ".tmp", `empty-${randomBytes(4).toString("hex")}.db`);

  beforeAll(async () => {
    // Accepts connections and never answers, like a database host that stopped responding.
    blackHole = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
    blackHolePort = (blackHole.address() as net.AddressInfo).port;
    fs.mkdirSync(path.dirname(emptyFile), { recursive: true });
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => blackHole.close(resolve));
    fs.rmSync(emptyFile, { force: true });
  });

  it("a TRUSTED_PROXIES entry that is not an address or range, naming it", async () => {
    const { code, output } = await startExpectingExit({ TRUSTED_PROXIES: "10.0.0.1,127.0.0.0/33" });

    expect(code).toBe(1);
    expect(output).toContain("TRUSTED_PROXIES: not an IP address or CIDR range: 127.0.0.0/33");
  });

  it("a TRUSTED_PROXIES range that admits every address", async () => {
    const { code, output } = await startExpectingExit({ TRUSTED_PROXIES: "0.0.0.0/0" });

    expect(code).toBe(1);
    expect(output).toContain("would let any caller choose its own address");
  });

  it("a DATABASE_URL of another kind of database, and a PORT that is not a port", async () => {
    const { code, output } = await startExpectingExit({
      DATABASE_URL: "mysql://root@127.0.0.1/keyward",
      PORT: "http",
    });

    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL: must start with file: (SQLite) or postgresql://");
    expect(output).toContain("PORT:");
  });

  it("a database without Keyward's tables, saying to migrate", async () => {
    const { code, output } = await startExpectingExit({ DATABASE_URL: `file:${emptyFile}` });

    expect(code).toBe(1);
    expect(output).toContain("The database has no Keyward tables yet");
    expect(output).toContain("npm run db:migrate");
  });

  it("a PostgreSQL server that accepts connections and never answers, within its timeout", async () => {
    const { code, output } = await startExpectingExit({
      DATABASE_URL: `postgresql://keyward@127.0.0.1:${blackHolePort}/keyward`,
      DATABASE_STATEMENT_TIMEOUT_MS: "500",
    });

    expect(code).toBe(1);
    expect(output).toContain("Cannot use the database DATABASE_URL names");
  });

  it("a port another process listens on, instead of staying up without listening", async () => {
    const { code, output } = await startExpectingExit({
      PORT: new URL(environment().servers.node).port,
    });

    expect(code).toBe(1);
    expect(output).toContain("Keyward could not listen");
    expect(output).toContain("EADDRINUSE");
  });
});
