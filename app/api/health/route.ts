export const dynamic = "force-dynamic";

function health(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}

export const GET = health;
export const POST = health;
