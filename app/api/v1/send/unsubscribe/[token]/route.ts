// GET|POST /api/v1/send/unsubscribe/{token} — the footer page and the RFC 8058 one-click unsubscribe.
// No sign-in: the token, signed per recipient, is the authority. A GET changes nothing (mail scanners
// fetch links); a POST, from the page's button or a mail client's one-click, unsubscribes.
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { verifyToken, signingKey } from "@/lib/server/send/signing";
import { unsubscribe } from "@/lib/server/send/feedback";
import { confirmPage, donePage, htmlResponse, invalidPage } from "@/lib/server/send/unsubscribe-page";

export const GET = route(endpoints.getUnsubscribePageEndpoint, async ({ params }) => {
  const valid = verifyToken(await signingKey(), params.token, "u") !== null;
  return valid ? htmlResponse(confirmPage()) : htmlResponse(invalidPage(), 404);
});

export const POST = route(endpoints.postUnsubscribeEndpoint, async ({ params }) => {
  const done = await unsubscribe(params.token);
  return done ? htmlResponse(donePage()) : htmlResponse(invalidPage(), 404);
});
