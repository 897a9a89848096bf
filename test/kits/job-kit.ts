// Running queued jobs in tests: there is no app server (and so no worker) in integration tests, so a
// test runs the jobs its workspace queued until none is due. Other test files' jobs may be run on the
// way; every task is idempotent and scoped by its payload, so that is harmless.
import { runOnce } from "graphile-worker";
import { db } from "@/lib/server/db/client";
import { jobLogger } from "@/lib/server/jobs/worker";
import { jobTaskList } from "@/lib/server/runtime/job-tasks";

async function pendingFor(workspaceId: string): Promise<number> {
  const [{ count }] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM graphile_worker._private_jobs
     WHERE payload->>'workspaceId' = ${workspaceId} AND run_at <= now() AND attempts < max_attempts`;
  return count;
}

/** Runs due jobs until none of this workspace's is left (a running one elsewhere counts as pending). */
export async function settleJobs(workspaceId: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runOnce({
      connectionString: process.env.DATABASE_URL,
      taskList: jobTaskList(),
      concurrency: 4,
      logger: jobLogger,
    });
    if ((await pendingFor(workspaceId)) === 0) return;
    if (Date.now() > deadline) throw new Error(`jobs of workspace ${workspaceId} still pending`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
