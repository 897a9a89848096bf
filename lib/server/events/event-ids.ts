// Row ids for raw inserts. Prisma's @default(uuid(7)) is applied by the client, not the database, so rows
// written with SQL need their ids made here. Version 7 (time-ordered) keeps new rows at the right-hand
// edge of the primary-key index, which matters at ingestion rates.
import { randomFillSync } from "node:crypto";

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
// Random bytes are drawn in bulk: one randomFillSync per id costs more than formatting the id.
const POOL_IDS = 512;
const pool = Buffer.alloc(POOL_IDS * 10);
let poolOffset = pool.length;

function randomBytes10(): number {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const offset = poolOffset;
  poolOffset += 10;
  return offset;
}

/** An RFC 9562 UUID version 7: 48-bit Unix milliseconds, then 74 random bits. */
export function uuidV7(now: number = Date.now()): string {
  const r = randomBytes10();
  const t =
    HEX[Math.floor(now / 2 ** 40) & 0xff] +
    HEX[Math.floor(now / 2 ** 32) & 0xff] +
    HEX[(now >>> 24) & 0xff] +
    HEX[(now >>> 16) & 0xff];
  const t2 = HEX[(now >>> 8) & 0xff] + HEX[now & 0xff];
  const version = HEX[0x70 | (pool[r] & 0x0f)] + HEX[pool[r + 1]];
  const variant = HEX[0x80 | (pool[r + 2] & 0x3f)] + HEX[pool[r + 3]];
  let tail = "";
  for (let i = 4; i < 10; i++) tail += HEX[pool[r + i]];
  return `${t}-${t2}-${version}-${variant}-${tail}`;
}
