// The atrium CLI end to end: a real process against this run's database, as an operator would use it.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashWriteKey } from "@/lib/server/sources/write-keys";
import { verifyApiClientSecret } from "@/lib/server/api-clients/verify-api-client-secret";
import { db } from "@/lib/server/db/client";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Each run is a fresh Node process compiling TypeScript; busy CI machines need the headroom.
const CLI_TIMEOUT = 180_000;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // What `npm run atrium` runs (tsx), in one Node process rather than npx → tsx → node.
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a command that must succeed and returns its one JSON object. */
async function runJson(...args: string[]): Promise<Record<string, unknown>> {
  const run = await runCli(...args);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout.trim().split("\n")).toHaveLength(1);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe("atrium CLI", () => {
  it(
    "bootstraps a workspace with a user, an admin member, an API client and a source",
    async () => {
      const name = `CLI Workspace ${randomUUID().slice(0, 8)}`;
      const email = `cli-${randomUUID()}@test.local`;
      const [workspace, user] = await Promise.all([
        runJson("workspace", "create", "--name", name),
        runJson(
          "user",
          "create",
          "--email",
          email.toUpperCase(),
          "--password",
          "correct horse battery",
          "--name",
          "CLI User",
        ),
      ]);
      expect(workspace).toEqual({ id: expect.any(String), name, slug: name.toLowerCase().replaceAll(" ", "-") });
      expect(user).toEqual({ id: expect.any(String), email });
      const workspaceId = String(workspace.id);

      const [member, client, source] = await Promise.all([
        runJson("member", "add", "--workspace", workspaceId, "--email", email, "--role", "admin", "--consent-history"),
        runJson("api-client", "create", "--workspace", workspaceId, "--role", "user", "--name", "Shop"),
        runJson("source", "create", "--workspace", workspaceId, "--name", "Website", "--type", "web"),
      ]);
      expect(member).toMatchObject({ workspaceId, userId: user.id, role: "admin", consentHistory: true });
      expect(client).toEqual({
        clientId: expect.stringMatching(/^ac_/),
        clientSecret: expect.any(String),
        workspaceId,
      });
      expect(source).toEqual({ id: expect.any(String), writeKey: expect.stringMatching(/^wk_/) });

      // What was printed works: the secret verifies, the write key finds its source.
      const verified = await verifyApiClientSecret(String(client.clientId), String(client.clientSecret));
      expect(verified).toMatchObject({ workspaceId, name: "Shop", role: "USER" });
      const stored = await db().source.findUnique({ where: { writeKeyHash: hashWriteKey(String(source.writeKey)) } });
      expect(stored).toMatchObject({ id: source.id, workspaceId, type: "WEB" });
      const audit = await db().auditEntry.findMany({ where: { workspaceId } });
      expect(audit.every((entry) => entry.actorType === "SYSTEM" && entry.actorName === "atrium CLI")).toBe(true);
      expect(audit.map((entry) => entry.action).sort()).toEqual([
        "api_client.created",
        "member.added",
        "source.created",
        "workspace.created",
      ]);
    },
    CLI_TIMEOUT,
  );

  it(
    "exits 2 with a one-line message naming the bad option, and prints nothing on stdout",
    async () => {
      // One case per kind of mistake; parse-options.test.ts covers the rest without spawning processes.
      const cases: [string[], RegExp][] = [
        [["workspace", "create"], /^atrium workspace create: missing required option --name/],
        [
          ["user", "create", "--email", "not-an-email", "--password", "short"],
          /--email: Must be an e-mail address; --password: Must be at least 10/,
        ],
        [
          ["member", "add", "--workspace", randomUUID(), "--email", "a@test.local", "--role", "owner"],
          /--role: Invalid option/,
        ],
        [
          ["api-client", "create", "--workspace", randomUUID(), "--role", "user", "--secret", "x"],
          /unknown option --secret/,
        ],
        [["workspace", "destroy"], /unknown command "workspace destroy"/],
      ];
      for (const [args, message] of cases) {
        const run = await runCli(...args);
        expect(run.code, args.join(" ")).toBe(2);
        expect(run.stdout, args.join(" ")).toBe("");
        expect(run.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
        expect(run.stderr, args.join(" ")).toMatch(message);
      }
    },
    CLI_TIMEOUT,
  );

  it(
    "exits 1 when the command fails: unknown workspace, unknown user, duplicate user",
    async () => {
      const email = `dup-${randomUUID()}@test.local`;
      await runJson("user", "create", "--email", email, "--password", "correct horse battery");
      const [noWorkspace, noUser, duplicate] = await Promise.all([
        runCli("source", "create", "--workspace", randomUUID(), "--name", "S"),
        runCli("member", "add", "--workspace", randomUUID(), "--email", `${randomUUID()}@test.local`, "--role", "user"),
        runCli("user", "create", "--email", email, "--password", "correct horse battery"),
      ]);
      for (const run of [noWorkspace, noUser, duplicate]) {
        expect(run.code).toBe(1);
        expect(run.stdout).toBe("");
      }
      expect(noWorkspace.stderr).toMatch(/^atrium source create: Workspace not found$/m);
      expect(noUser.stderr).toMatch(/Workspace not found|No user with the e-mail/);
      expect(duplicate.stderr).toMatch(/already exists/);
    },
    CLI_TIMEOUT,
  );

  it(
    "prints usage for --help on stdout and exits 0",
    async () => {
      const [general, command] = await Promise.all([runCli("--help"), runCli("member", "add", "--help")]);
      expect(general).toMatchObject({ code: 0, stderr: "" });
      for (const name of ["workspace create", "user create", "member add", "api-client create", "source create"]) {
        expect(general.stdout).toContain(name);
      }
      expect(command.code).toBe(0);
      expect(command.stdout).toContain(
        "Usage: atrium member add --workspace <id> --email <email> --role admin|user|guest [--consent-history]",
      );
    },
    CLI_TIMEOUT,
  );

  it(
    "imports customers from a CSV file with a progress bar, and twice without duplicates",
    async () => {
      const workspace = await db().workspace.create({
        data: { name: "CLI import", slug: `cli-import-${randomUUID().slice(0, 8)}` },
      });
      const dir = await mkdtemp(path.join(tmpdir(), "atrium-cli-import-"));
      const file = path.join(dir, "people.csv");
      const rows = Array.from({ length: 40 }, (_, i) => `p${i}@example.com,Name ${i},vip`);
      await writeFile(file, ["Mail,base.firstName,tags", ...rows, "not-an-email,Bad,vip"].join("\n"));
      const mapping = JSON.stringify({ Mail: "base.contacts.email" });
      for (const expected of [
        { created: 40, updated: 0 },
        { created: 0, updated: 40 },
      ]) {
        const run = await runCli("import", "customers", file, "--workspace", workspace.id, "--mapping", mapping);
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ status: "completed", rejected: 1, progress: 1, ...expected });
        expect(run.stderr).toMatch(/\[#{30}\] 100% 41 rows/);
      }
      expect(await db().customer.count({ where: { workspaceId: workspace.id } })).toBe(40);
      const bad = await runCli("import", "customers", file, "--workspace", workspace.id, "--mapping", "{nope");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/mapping/);
    },
    CLI_TIMEOUT,
  );
});
