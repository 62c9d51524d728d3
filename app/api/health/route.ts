import { routeMethods } from "@/lib/http/route-methods";

export const dynamic = "force-dynamic";

function health(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: health,
  POST: health,
});
