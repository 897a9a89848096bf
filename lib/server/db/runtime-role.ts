// The server's own database role (issue 12, "a least-privilege database"). Migrations run as the owner
// (DATABASE_URL); the server connects as a runtime role that is no superuser, owns nothing, may not create
// anything (no DDL) and holds no UPDATE, DELETE or TRUNCATE right on the consent registry. The registry's
// legitimate rewrites go through SECURITY DEFINER functions that record their proof (migration
// 20261202204000_dbrole_registry_rewrites). The grants are applied again after every migration, so tables
// added by later migrations are covered without anyone remembering to.
import pg from "pg";

/** Longest identifier PostgreSQL keeps (NAMEDATALEN - 1). */
const MAX_IDENTIFIER = 63;

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `<database>_runtime`, the role `npm start` creates when DATABASE_RUNTIME_URL is not given. */
export function runtimeRoleName(database: string): string {
  const suffix = "_runtime";
  return `${database.slice(0, MAX_IDENTIFIER - suffix.length)}${suffix}`;
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** The same server and database as `url`, as another role. */
export function urlAs(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the owner may create roles (superuser or CREATEROLE). */
export async function mayCreateRoles(ownerUrl: string): Promise<boolean> {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ may: boolean }>(
      "SELECT rolsuper OR rolcreaterole AS may FROM pg_roles WHERE rolname = current_user",
    );
    return rows[0]?.may === true;
  });
}

/**
 * Creates the login role, or sets its password when it exists, with every dangerous attribute off.
 * Needs an owner that may create roles; the caller checks first (mayCreateRoles).
 */
export async function ensureRuntimeRole(ownerUrl: string, role: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${quoteLiteral(password)}`;
    const verb = rowCount === 0 ? "CREATE" : "ALTER";
    await client.query(`${verb} ROLE ${quoteIdent(role)} WITH ${attributes}`);
  });
}

/** The statements that give `role` exactly what the server needs in the current database (and no more). */
export function runtimeGrants(database: string, role: string): string[] {
  const r = quoteIdent(role);
  return [
    `GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(database)} TO ${r}`,
    // No DDL: nobody but the owner creates objects in the schemas the server uses.
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${r}`,
    // The consent registry: read and append only. Rewrites go through the SECURITY DEFINER functions.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "ConsentRecord" FROM ${r}`,
    // Their proof is written by those functions alone.
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "ConsentRegistryRewrite" FROM ${r}`,
    // The migration history is the owner's business.
    `REVOKE ALL ON "_prisma_migrations" FROM ${r}`,
    // The job queue (graphile-worker): its tables, views and functions; its schema history read-only
    // (the worker reads it at start to check the schema is current, and never migrates as this role).
    `GRANT USAGE ON SCHEMA graphile_worker TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${r}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${r}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON graphile_worker.migrations FROM ${r}`,
    // The registry's permits (atrium_private) stay out of its reach: no USAGE on that schema.
    `REVOKE ALL ON SCHEMA atrium_private FROM ${r}`,
  ];
}

/** Applies runtimeGrants as the owner, in one transaction (no moment with the registry writable). */
export async function grantRuntimeRole(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const database = databaseOf(ownerUrl);
    const { rows } = await client.query<{ superuser: boolean }>(
      "SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = $1",
      [role],
    );
    if (rows[0]?.superuser) {
      throw new Error(`The runtime role ${role} is a superuser: the server must connect as a role without superuser`);
    }
    // graphile-worker enables row-level security on its private tables with no policy, so that only their
    // owner can use them: the runtime role gets a policy of its own on each (every row: it runs the queue).
    const secured = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class
        WHERE relnamespace = 'graphile_worker'::regnamespace AND relkind IN ('r', 'p') AND relrowsecurity`,
    );
    const policies = secured.rows.flatMap(({ name }) => {
      const table = `graphile_worker.${quoteIdent(name)}`;
      return [
        `DROP POLICY IF EXISTS ${quoteIdent(role)} ON ${table}`,
        `CREATE POLICY ${quoteIdent(role)} ON ${table} TO ${quoteIdent(role)} USING (true) WITH CHECK (true)`,
      ];
    });
    await client.query("BEGIN");
    try {
      for (const statement of [...runtimeGrants(database, role), ...policies]) await client.query(statement);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

/** Fails with a message saying what to do when the server cannot log in as the runtime role. */
export async function checkRuntimeLogin(runtimeUrl: string): Promise<void> {
  try {
    await withClient(runtimeUrl, (client) => client.query("SELECT 1"));
  } catch (error) {
    const role = decodeURIComponent(new URL(runtimeUrl).username);
    throw new Error(
      `Cannot connect as the runtime role ${role} (${error instanceof Error ? error.message : String(error)}). ` +
        "Set DATABASE_RUNTIME_URL to the URL of a role the server may use (docs/security.md lists its grants).",
    );
  }
}
