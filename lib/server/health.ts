import { db } from "@/lib/server/db/client";

export async function checkHealth(): Promise<{ status: "ok" | "degraded"; database: "ok" | "unreachable" }> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("database health check timed out")), 2000),
  );
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "degraded", database: "unreachable" };
  }
}
