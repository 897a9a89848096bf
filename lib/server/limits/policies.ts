// The rate-limit policies: how many points a key may spend per window. Each can be changed with an
// environment variable `ATRIUM_RATE_LIMIT_<NAME>` = "<points>/<seconds>" (or "<points>" to keep the window),
// read when the policy is used, so tests can set them low. docs/api.md ("Rate limits") lists them.

export interface Policy {
  /** Key prefix in the "RateLimit" table and the name in the environment variable. */
  name: string;
  points: number;
  seconds: number;
}

const DEFAULTS = {
  /** Events (or customers) per minute per source write key; a source's own `rateLimitPerMinute` wins. */
  ingest: { points: 60_000, seconds: 60 },
  /** Events (or customers) per minute per API client or user sending to the ingestion endpoints. */
  ingest_client: { points: 60_000, seconds: 60 },
  /** Token requests per client id at /oauth/token. */
  token_client: { points: 30, seconds: 60 },
  /** Token requests per address at /oauth/token. */
  token_address: { points: 60, seconds: 60 },
  /** Failed authentications (bad write keys, access tokens, client secrets) per address. */
  auth_failures: { points: 30, seconds: 15 * 60 },
  /** Exports (CSV downloads, customer exports) per caller. */
  export: { points: 30, seconds: 10 * 60 },
  /** Failed sign-ins per account from one address. */
  sign_in_account: { points: 5, seconds: 15 * 60 },
  /** Failed sign-ins per address, whatever the account. */
  sign_in_address: { points: 20, seconds: 15 * 60 },
} as const;

export type PolicyName = keyof typeof DEFAULTS;

export const POLICY_NAMES = Object.keys(DEFAULTS) as PolicyName[];

const positive = (text: string | undefined) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};

export function envVariableOf(name: PolicyName): string {
  return `ATRIUM_RATE_LIMIT_${name.toUpperCase()}`;
}

export function defaultPolicy(name: PolicyName): Policy {
  return { name, ...DEFAULTS[name] };
}

/** The policy as configured now; a malformed setting keeps the default (and never turns a limit off). */
export function policy(name: PolicyName): Policy {
  const fallback = DEFAULTS[name];
  const [points, seconds] = (process.env[envVariableOf(name)] ?? "").split("/");
  return {
    name,
    points: positive(points) ?? fallback.points,
    seconds: positive(seconds) ?? fallback.seconds,
  };
}
