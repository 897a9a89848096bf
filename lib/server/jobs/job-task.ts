// What a task handler is: an async function of its typed payload. Throwing fails the attempt (the
// queue retries it with backoff until maxAttempts, then the job is dead, see dead-jobs.ts).
import type { JobHelpers } from "graphile-worker";
import type { JobName, JobPayloads } from "./job-payloads";

export type JobTask<K extends JobName> = (payload: JobPayloads[K], helpers: JobHelpers) => Promise<void>;

/** Every task's handler: the compiler checks that none is missing. */
export type JobTaskRegistry = { [K in JobName]: JobTask<K> };
