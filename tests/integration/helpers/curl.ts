import { run } from "./processes";

export type CurlResult = { status: number; body: string; trace: string };

/**
 * Runs the real curl with the guide's arguments. Only --silent and --write-out (to read the
 * status) and --verbose (to see what curl sent) are added.
 */
export async function curlAuthorize(
  baseUrl: string,
  values: { apiKey: string; accessToken: string; clientId: string; clientSecret: string },
): Promise<CurlResult> {
  const marker = "\n__HTTP_STATUS__";
  const result = await run(
    "curl",
    [
      "--silent",
      "--verbose",
      "--write-out",
      `${marker}%{http_code}`,
      "--location",
      `${baseUrl}/api/authorize`,
      "--header",
      `X-API-KEY: ${values.apiKey}`,
      "--header",
      `ACCESS-TOKEN: ${values.accessToken}`,
      "--data-raw",
      `{\n"client_id": "${values.clientId}",\n"client_secret": "${values.clientSecret}"\n}`,
    ],
    { cwd: process.cwd(), env: { ...process.env, NO_PROXY: "*", no_proxy: "*" } },
  );

  if (result.code !== 0) {
    throw new Error(`curl exited with ${result.code}: ${result.stderr}`);
  }

  const at = result.stdout.lastIndexOf(marker);

  return {
    status: Number(result.stdout.slice(at + marker.length)),
    body: result.stdout.slice(0, at),
    trace: result.stderr,
  };
}
