import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { environment } from "./helpers/environment";
import { toResult } from "./helpers/http";
import { signIn } from "./helpers/portal-client";
import { freePort, startDetached, stopServer, waitUntilReady } from "./helpers/processes";
import type { ServerProcess } from "./helpers/processes";

const root = path.resolve(import.meta.dirname, "../..");
const isPostgres = environment().database.provider === "postgresql";

/** A TCP relay to PostgreSQL that the test can cut, as a network partition would. */
async function relayTo(target: URL): Promise<{ port: number; cut: () => void }> {
  const sockets = new Set<net.Socket>();
  const [host, port] = [target.hostname, Number(target.port || 5432)];
  const relay = net.createServer((client) => {
    const upstream = net.connect(port, host);

    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => socket.destroy());
      socket.on("close", () => sockets.delete(socket));
    }

    client.pipe(upstream).pipe(client);
  });

  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));

  return {
    port: (relay.address() as net.AddressInfo).port,
    cut: () => {
      relay.close();
      sockets.forEach((socket) => socket.destroy());
    },
  };
}

describe.runIf(isPostgres)("an instance whose database stops answering", () => {
  let server: ServerProcess;
  let cut: () => void;

  beforeAll(async () => {
    const database = new URL(environment().database.url);
    const relay = await relayTo(database);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;

    cut = relay.cut;
    database.hostname = "127.0.0.1";
    database.port = String(relay.port);
    server = startDetached("database-outage", baseUrl, ["--import", "tsx", "server.ts"], {
      cwd: root,
      logPath: path.join(root, ".tmp", `it-database-outage-${port}.log`),
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.toString(),
        DATABASE_STATEMENT_TIMEOUT_MS: "1000",
        RATE_LIMIT_STORE: "memory",
        PORT: String(port),
        HOST: "127.0.0.1",
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: baseUrl,
        LOG_LEVEL: "warn",
      },
    });
    await waitUntilReady(server, 90_000);
  }, 120_000);

  afterAll(async () => {
    cut();
    await stopServer(server);
  });

  it("tells a signed-in user the server failed, not to sign in again, and reports not ready", async () => {
    const portal = await signIn(server.baseUrl, environment().users.merchantA);

    expect((await portal.get("/api/keys")).status).toBe(200);

    cut();

    const keys = await portal.get("/api/keys");
    const ready = await toResult(await fetch(`${server.baseUrl}/api/ready`));

    expect(keys.status).toBe(500);
    expect(keys.json.error).toBe("server_error");
    expect(ready.status).toBe(503);
    expect(ready.json).toMatchObject({ error: "not_ready", failing: ["database"] });
  });
});
