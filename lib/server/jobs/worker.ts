// The worker every app instance runs (started by lib/server/runtime/http-server.ts): it takes jobs from
// graphile_worker's tables (SKIP LOCKED, so each job runs on one instance) and is woken by LISTEN/NOTIFY
// when one is added, so an idle queue runs a new job within milliseconds.
import { Logger, parseCronItems, run, type CronItem, type Runner, type Task, type TaskList } from "graphile-worker";
import { log } from "@/lib/server/log";
import type { JobTaskRegistry } from "./job-task";

export interface JobWorker {
  /** Stops taking jobs and waits for the running ones (a clean shutdown; unfinished ones are retried). */
  stop(): Promise<void>;
}

export const jobLogger = new Logger((scope) => (level, message, meta) => {
  const entry = { scope: { ...scope }, ...meta };
  if (level === "error") log.error(entry, message);
  else if (level === "warning") log.warn(entry, message);
  else if (level === "info") log.info(entry, message);
  else log.debug(entry, message);
});

/** The registry as graphile-worker's task list (its payload type is `unknown`). */
export function taskListOf(tasks: Partial<JobTaskRegistry> & Record<string, unknown>): TaskList {
  return tasks as unknown as TaskList;
}

export async function startJobWorker(options: {
  connectionString: string;
  tasks: TaskList;
  concurrency?: number;
  pollInterval?: number;
  /** Recurring jobs (each item runs once per tick across all instances). */
  cronItems?: CronItem[];
}): Promise<JobWorker> {
  const concurrency = options.concurrency ?? Number(process.env.ATRIUM_WORKER_CONCURRENCY ?? 10);
  const runner: Runner = await run({
    connectionString: options.connectionString,
    concurrency,
    // A connection per running job, plus the LISTEN connection and one to spare.
    maxPoolSize: concurrency + 2,
    // LISTEN/NOTIFY wakes the worker for new jobs; polling only catches jobs whose run_at came due.
    pollInterval: options.pollInterval ?? 1000,
    noHandleSignals: true,
    logger: jobLogger,
    taskList: options.tasks,
    // No cron items, no cron runner (as before there were any): tests' workers stay as light as they were.
    ...(options.cronItems?.length ? { parsedCronItems: parseCronItems(options.cronItems) } : {}),
  });
  return { stop: () => runner.stop() };
}

export type { Task };
