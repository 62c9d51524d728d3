import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

import nextEnv from "@next/env";
import next from "next";

const dev = process.argv.includes("--dev");

nextEnv.loadEnvConfig(process.cwd(), dev);
process.env.KEYWARD_PEER_PROOF = randomBytes(32).toString("hex");

async function main() {
  const { authSecret, env } = await import("./lib/env");
  const { logger } = await import("./lib/logger");
  const { serveNodePublicApi } = await import("./lib/http/node-public-api");
  const { stampPeer } = await import("./lib/http/peer");
  const { isPublicApiPath } = await import("./lib/public-api");
  const { isDecodablePath, refuseUndecodablePath } = await import("./lib/http/undecodable-path");
  const { answerPageMethod } = await import("./lib/http/page-methods");
  const { prepareDatabase } = await import("./lib/db-prepare");
  const { failureLimiter } = await import("./lib/rate-limit");
  const { rateLimitStore } = await import("./lib/rate-limit-store");
  const { connectSignInThrottle } = await import("./lib/auth/sign-in-throttle");

  const settings = env();

  authSecret();
  const port = settings.PORT;
  const hostname = process.env.HOST ?? "0.0.0.0";
  // "node" answers the public API paths here, without Next's router; "next" sends them through
  // the route handlers like every other path. Both run the same lib/public-api handler.
  const publicApiTransport = process.env.KEYWARD_PUBLIC_API_TRANSPORT === "next" ? "next" : "node";

  await prepareDatabase();
  await failureLimiter();
  await connectSignInThrottle();

  const app = next({ dev, dir: process.cwd(), port, hostname });
  const handle = app.getRequestHandler();

  await app.prepare();

  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";

    stampPeer(request.headers, request.socket.remoteAddress);

    if (publicApiTransport === "node" && isPublicApiPath(path)) {
      serveNodePublicApi(request, response, path).catch((error: unknown) => {
        logger.error({ err: error }, "public api transport failure");
        response.destroy();
      });

      return;
    }

    if (!isDecodablePath(path)) {
      refuseUndecodablePath(path, response);

      return;
    }

    if (answerPageMethod(path, request.method ?? "GET", response)) {
      return;
    }

    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, "request failure");
      response.statusCode = 500;
      response.end();
    });
  });

  // Without this, Next's uncaughtException handler keeps a process alive that never listened.
  server.on("error", (error) => {
    logger.fatal({ err: error, port, hostname }, "Keyward could not listen");
    process.exit(1);
  });

  server.listen(port, hostname, () => {
    logger.info(
      {
        port,
        mode: dev ? "development" : settings.NODE_ENV,
        publicApiTransport,
        rateLimitStore: rateLimitStore(),
      },
      `Keyward listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
    );
  });

  function shutdown() {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  }

  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
