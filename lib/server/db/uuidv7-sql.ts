// A UUIDv7 made in SQL for set-based inserts (INSERT … SELECT), on every supported PostgreSQL (14–18):
// uuidv7() exists only from PostgreSQL 18. A random v4 from gen_random_uuid() (core since 13) gets the
// Unix time in milliseconds in its first 48 bits and its version nibble turned from 0100 into 0111
// (bits 52 and 53 set); the variant bits stay RFC 9562's. Ids made this way sort by creation time like
// the ones Prisma's uuid(7) makes in TypeScript, so both kinds mix in one column.
import { Prisma } from "@/lib/generated/prisma/client";

export const UUIDV7_SQL = Prisma.sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
  placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
  52, 1), 53, 1), 'hex')::uuid`;
