// A transaction on a plain node-postgres connection (the ingestion path, which skips Prisma's parameter
// round trip): `text` uses $1… placeholders; rows come back as node-postgres gives them.
export interface SqlTx {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
}
