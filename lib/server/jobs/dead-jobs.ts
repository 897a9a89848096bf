// The dead state: a job that failed maxAttempts times stays in graphile_worker's table with its last
// error and is never run again. This lists them (newest first), optionally for one workspace, so that an
// operator sees what was given up on; `retryDeadJob` gives one a fresh set of attempts.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

export interface DeadJob {
  id: string;
  task: string;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
}

export async function listDeadJobs(options: { workspaceId?: string; limit?: number } = {}): Promise<DeadJob[]> {
  const workspace = options.workspaceId
    ? Prisma.sql`AND j.payload->>'workspaceId' = ${options.workspaceId}`
    : Prisma.empty;
  return db().$queryRaw<DeadJob[]>`
    SELECT j.id::text AS id, t.identifier AS task, j.payload, j.attempts, j.last_error AS "lastError",
           j.created_at AS "createdAt", j.updated_at AS "failedAt"
      FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE j.attempts >= j.max_attempts AND j.locked_at IS NULL ${workspace}
     ORDER BY j.updated_at DESC
     LIMIT ${options.limit ?? 100}`;
}

/** Gives a dead job another full set of attempts, now. */
export async function retryDeadJob(id: string): Promise<boolean> {
  const rows = await db().$queryRaw<unknown[]>`
    SELECT graphile_worker.reschedule_jobs(ARRAY[${id}::bigint], run_at => now(), attempts => 0)`;
  return rows.length > 0;
}
