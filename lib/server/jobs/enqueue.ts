// Adding a job to the durable queue (graphile-worker, schema graphile_worker, installed by db:migrate).
// Jobs are rows in PostgreSQL: given a transaction, the job commits or rolls back with the write that
// asked for it, so nothing is run for a rolled-back write and nothing is lost for a committed one.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/server/db/client";
import type { JobName, JobPayloads } from "./job-payloads";

export interface EnqueueOptions {
  /**
   * Deduplicates: a pending job with the same key is replaced (payload and run time updated) instead of
   * a second one being added; a running one is left alone and a new one queued after it.
   */
  jobKey?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is dead (default 25; graphile-worker backs off exp(attempt) seconds). */
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
  priority?: number;
}

type Sql = Pick<Tx, "$queryRaw">;

/** The untyped form, for tasks outside JobPayloads (tests). Returns the job's id. */
export async function addJob(
  task: string,
  payload: object,
  options: EnqueueOptions = {},
  tx: Sql = db(),
): Promise<string> {
  const [row] = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT (graphile_worker.add_job(
      identifier => ${task}::text,
      payload => ${JSON.stringify(payload)}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? null}::int
    )).id::text AS id`);
  return row.id;
}

/** Queues `task` with its typed payload; pass the transaction of the write it belongs to. */
export function enqueue<K extends JobName>(
  task: K,
  payload: JobPayloads[K],
  options: EnqueueOptions = {},
  tx?: Sql,
): Promise<string> {
  return addJob(task, payload, options, tx);
}
