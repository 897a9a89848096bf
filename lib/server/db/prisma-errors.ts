// Recognising the Prisma errors that services turn into expected failures (409, 404).
import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The row an update or delete named does not exist (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
