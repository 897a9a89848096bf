// People and workspaces for browser journeys, made fresh per test with the CLI so that tests stay
// independent (and parallel) and never depend on the demo seed.
import { randomBytes } from "node:crypto";
import { atrium } from "./atrium-cli";

export const E2E_PASSWORD = "e2e-password-1234";

export type Role = "admin" | "user" | "guest";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface TestWorkspace {
  id: string;
  name: string;
  slug: string;
}

/** Unique per call: e-mails are unique installation-wide and a retried test must not collide. */
export const uniqueTag = () => randomBytes(4).toString("hex");

export async function createUser(name: string): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${uniqueTag()}@e2e.atrium.test`;
  const user = await atrium<{ id: string; email: string }>([
    "user",
    "create",
    "--email",
    email,
    "--password",
    E2E_PASSWORD,
    "--name",
    name,
  ]);
  return { ...user, name, password: E2E_PASSWORD };
}

/** `timezone`: the workspace's IANA zone (default UTC), whose days reports count and times show in. */
export function createWorkspace(name: string, options: { timezone?: string } = {}): Promise<TestWorkspace> {
  return atrium<TestWorkspace>([
    "workspace",
    "create",
    "--name",
    name,
    ...(options.timezone ? ["--timezone", options.timezone] : []),
  ]);
}

/** `consentHistory` also grants the separate permission to read the consent registry (docs/api.md, roles). */
export async function addMember(
  workspace: TestWorkspace,
  user: TestUser,
  role: Role,
  options: { consentHistory?: boolean } = {},
): Promise<void> {
  await atrium([
    "member",
    "add",
    "--workspace",
    workspace.id,
    "--email",
    user.email,
    "--role",
    role,
    ...(options.consentHistory ? ["--consent-history"] : []),
  ]);
}

export interface TestSource {
  id: string;
  writeKey: string;
}

/** A source with its write key (shown once by the CLI, as by the API). */
export function createSource(workspace: TestWorkspace, name: string, type = "web"): Promise<TestSource> {
  return atrium<TestSource>(["source", "create", "--workspace", workspace.id, "--name", name, "--type", type]);
}

export interface TestApiClient {
  clientId: string;
  clientSecret: string;
}

export function createApiClient(workspace: TestWorkspace, role: Role): Promise<TestApiClient> {
  return atrium<TestApiClient>(["api-client", "create", "--workspace", workspace.id, "--role", role]);
}
