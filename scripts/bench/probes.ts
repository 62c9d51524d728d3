import type { BenchDatabase } from "./database";
import { invalidAuthorizes, refreshRequest, validAuthorize, type BenchRequest } from "./requests";
import type { ServerHandle } from "./servers";

type Answer = { status: number; body: Record<string, unknown>; requestId: string | null };

async function send(server: ServerHandle, request: BenchRequest): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${request.path}`, {
    method: "POST",
    headers: { ...request.headers, "content-type": "application/json" },
    body: request.body,
  });

  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    requestId: response.headers.get("x-request-id"),
  };
}

function problemsOf(request: BenchRequest, answer: Answer): string[] {
  const problems: string[] = [];
  const { expected } = request;

  if (answer.status !== expected.status) {
    problems.push(`status ${answer.status}, expected ${expected.status}`);
  }

  if (expected.error !== undefined) {
    if (answer.body.error !== expected.error) {
      problems.push(`error ${String(answer.body.error)}, expected ${expected.error}`);
    }

    if (!answer.requestId || answer.body.request_id !== answer.requestId) {
      problems.push("request_id does not match the X-Request-Id header");
    }
  }

  return problems;
}

/**
 * Sends each request variant once and checks status and body. Returns one line per problem;
 * an empty list means the target answered every variant correctly.
 */
export async function probePublicApi(
  server: ServerHandle,
  database: BenchDatabase,
): Promise<string[]> {
  const problems: string[] = [];
  const check = async (request: BenchRequest, more: (answer: Answer) => string[] = () => []) => {
    const answer = await send(server, request);
    const found = [...problemsOf(request, answer), ...more(answer)];

    problems.push(...found.map((problem) => `${server.name} ${request.name}: ${problem}`));

    return answer;
  };
  const valid = validAuthorize(database.keyCount, 1);

  await check(valid, (answer) =>
    answer.body.authorized === true && answer.body.client_id === JSON.parse(valid.body).client_id
      ? []
      : ["body is not an authorization of this client"],
  );

  for (const request of invalidAuthorizes(database.keyCount, 2)) {
    await check(request);
  }

  const [call] = await database.refreshPool(1);

  if (!call) {
    throw new Error("the refresh pool returned no grant");
  }

  const refreshed = await check(refreshRequest(call), (answer) =>
    typeof answer.body.access_token === "string" && typeof answer.body.refresh_token === "string"
      ? []
      : ["body carries no new token pair"],
  );

  await check({
    name: "authorize with the refreshed token",
    path: "/api/authorize",
    headers: { "x-api-key": call.apiKey, "access-token": String(refreshed.body.access_token) },
    body: JSON.stringify({ client_id: call.clientId, client_secret: call.clientSecret }),
    expected: { status: 200 },
  });
  await check({
    ...refreshRequest(call),
    name: "refresh token used twice",
    expected: { status: 400, error: "invalid_grant" },
  });

  return problems;
}

/** The framework floor answers its empty route with `{ ok: true }`. */
export async function probeFloor(server: ServerHandle, request: BenchRequest): Promise<string[]> {
  const answer = await send(server, request);

  return answer.status === 200 && answer.body.ok === true
    ? []
    : [
        `${server.name} ${request.path}: status ${answer.status}, body ${JSON.stringify(answer.body)}`,
      ];
}
