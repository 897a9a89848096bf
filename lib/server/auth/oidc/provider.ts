// The built-in OAuth2 / OpenID Connect authorization server (oidc-provider), mounted at /oauth.
// - The admin UI (NextAuth) signs people in with authorization code + PKCE.
// - API clients get access tokens with client credentials; their secrets are stored hashed.
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { db } from "@/lib/server/db/client";
import { isOutageError, OUTAGE_RETRY_AFTER_SECONDS } from "@/lib/server/db/database-errors";
import { verifyApiClientSecretHash } from "@/lib/server/auth/oidc/client-secrets";
import type { InstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { PrismaOidcAdapter } from "./adapter";
import { ADMIN_CLIENT_ID, OAUTH_MOUNT, adminRedirectUri, issuerUrl, publicUrl } from "./config";
import { errorPage, signOutPage, signedOutPage } from "./pages";
import { limitTokenEndpoint } from "./token-limits";

export const TOKEN_TTL_SECONDS = 60 * 60;

async function findAccount(_ctx: KoaContextWithOIDC, sub: string) {
  const user = await db().user.findUnique({ where: { id: sub }, select: { id: true, email: true, name: true } });
  if (!user) return undefined;
  return {
    accountId: user.id,
    claims: async () => ({ sub: user.id, email: user.email, email_verified: true, name: user.name ?? user.email }),
  };
}

/** The admin UI is first-party: its grant is implied, so people never see a consent screen for it. */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const client = ctx.oidc.client;
  const accountId = ctx.oidc.session?.accountId;
  if (!client || !accountId) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(client.clientId);
  if (grantId) {
    const existing = await ctx.oidc.provider.Grant.find(grantId);
    if (existing) return existing;
  }
  if (client.clientId !== ADMIN_CLIENT_ID) return undefined;
  const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
  grant.addOIDCScope("openid email profile offline_access");
  await grant.save();
  return grant;
}

function configuration(secrets: InstallationSecrets): Configuration {
  return {
    adapter: PrismaOidcAdapter,
    clients: [
      {
        client_id: ADMIN_CLIENT_ID,
        client_secret: process.env.ATRIUM_ADMIN_CLIENT_SECRET ?? secrets.adminClientSecret,
        client_name: "Atrium admin app",
        redirect_uris: [adminRedirectUri()],
        post_logout_redirect_uris: [publicUrl(), `${publicUrl()}/`],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: secrets.jwks as Configuration["jwks"],
    cookies: { keys: secrets.cookieKeys, long: { signed: true }, short: { signed: true } },
    findAccount,
    loadExistingGrant,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", "email", "profile", "offline_access"],
    pkce: { required: () => true },
    // Advertise (and accept) only what is offered: the code flow; no implicit or hybrid response types.
    responseTypes: ["code"],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // A client may revoke only its own tokens.
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      // Nor introspect any but its own: another workspace's client must not learn about its tokens.
      introspection: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = "html";
          ctx.body = signOutPage(form, ctx.host);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = "html";
          ctx.body = signedOutPage();
        },
      },
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    // Every use of a refresh token replaces it (a stolen one works once, and its reuse is detectable).
    rotateRefreshToken: true,
    interactions: { url: async (_ctx, interaction) => `${OAUTH_MOUNT}/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(out);
    },
    ttl: {
      AccessToken: TOKEN_TTL_SECONDS,
      ClientCredentials: TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: TOKEN_TTL_SECONDS,
      Interaction: 60 * 60,
      Grant: 14 * 24 * 60 * 60,
      Session: 14 * 24 * 60 * 60,
      RefreshToken: 14 * 24 * 60 * 60,
    },
    conformIdTokenClaims: false,
  };
}

export function createOidcProvider(secrets: InstallationSecrets): Provider {
  const provider = new Provider(issuerUrl(), configuration(secrets));
  // Behind a TLS-terminating proxy the public scheme and host come from X-Forwarded-* headers.
  provider.proxy = process.env.TRUST_PROXY === "1";
  // API client secrets are stored as hashes (never in clear), so compare the presented secret with the
  // hash rather than by string equality. The admin client's secret is an installation secret in clear.
  const compare = provider.Client.prototype.compareClientSecret;
  provider.Client.prototype.compareClientSecret = async function (
    this: InstanceType<typeof provider.Client>,
    actual: string,
  ) {
    if (this.clientId === ADMIN_CLIENT_ID) return compare.call(this, actual);
    return verifyApiClientSecretHash(this.clientSecret ?? "", actual);
  };
  answerOutagesWith503(provider);
  limitTokenEndpoint(provider);
  return provider;
}

/**
 * oidc-provider answers any failure of its storage with 500 server_error. A database outage is temporary:
 * the token endpoint (and every other) answers 503 temporarily_unavailable with Retry-After, like the API.
 */
function answerOutagesWith503(provider: Provider): void {
  const outages = new WeakSet<object>();
  provider.on("server_error", (ctx: KoaContextWithOIDC, error: unknown) => {
    if (isOutageError(error)) outages.add(ctx);
  });
  provider.use(async (ctx, next) => {
    await next();
    if (!outages.has(ctx)) return;
    ctx.status = 503;
    ctx.set("retry-after", String(OUTAGE_RETRY_AFTER_SECONDS));
    ctx.set("cache-control", "no-store");
    ctx.body = { error: "temporarily_unavailable", error_description: "The database is unavailable; retry shortly" };
  });
}
