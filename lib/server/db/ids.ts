// Row ids are PostgreSQL uuids: anything else cannot name a row, and passing it to a uuid column
// would be a database error rather than a clean "not found".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
