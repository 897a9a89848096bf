// Prisma migrations without Prisma's native schema engine: the same engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) driven through the pg driver adapter. It records applied migrations in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so both stay interchangeable.
// Importing this module needs `node --experimental-wasm-modules` (see package.json db:* scripts).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngine, type MigrationList } from "@prisma/schema-engine-wasm";

export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../../prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The schema engine introspects pg_catalog columns of PostgreSQL's one-byte `"char"` type, which the pg
 * driver adapter cannot map (it throws "Column type 'char' could not be deserialized"). Their values
 * arrive as strings, so reporting them as `text` is exact. Only the migration tooling uses this client.
 */
function reportCharAsText(result: pg.QueryResult | undefined) {
  for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  return result;
}

/** A pg client whose query results (callback form, used by pg.Pool, and promise form) report "char" as text. */
class CatalogClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    Object.assign(this, {
      query: (...args: unknown[]) => {
        const last = args.at(-1);
        if (typeof last === "function") {
          args[args.length - 1] = (error: Error | null, result: pg.QueryResult) =>
            last(error, reportCharAsText(result));
        }
        const result = query(...args);
        return result instanceof Promise ? result.then(reportCharAsText) : result;
      },
    });
  }
}

/** The engine and a way to close it and its connections (an open pool would keep the process alive). */
async function openEngine(connectionString: string): Promise<{ engine: SchemaEngine; close: () => Promise<void> }> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const pool = new pg.Pool({ connectionString, Client: CatalogClient });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const log = (message: string) => {
    if (process.env.ATRIUM_DEBUG_MIGRATIONS) console.error(message);
  };
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, log, adapter);
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

export async function loadMigrationList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
  };
}

/** Applies every committed migration not yet applied; returns the names applied now. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const { engine, close } = await openEngine(connectionString);
  try {
    const result = await engine.applyMigrations({ migrationsList: await loadMigrationList(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * The SQL that takes a database holding every committed migration (the "shadow" database at
 * `shadowConnectionString`) to the current schema.prisma. Empty when the schema has no changes.
 */
export async function diffSchemaAgainst(shadowConnectionString: string): Promise<string> {
  await applyMigrations(shadowConnectionString);
  const { engine, close } = await openEngine(shadowConnectionString);
  try {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const result = await engine.diff({
      // "schemaDatasource" introspects the database the engine's adapter is connected to: the shadow.
      from: { tag: "schemaDatasource", files: [{ path: SCHEMA_PATH, content: schema }], configDir: PRISMA_DIR },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (result.stdout ?? "").trim();
  } finally {
    await close();
  }
}
