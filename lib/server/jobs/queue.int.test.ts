// The durable queue against the real PostgreSQL: jobs outlive the worker that was to run them, run once
// with two workers, retry with backoff and end dead, and roll back with the transaction that queued them.
// Each test uses task names of its own, so no other test file's worker runs its jobs.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Task } from "graphile-worker";
import { db } from "@/lib/server/db/client";
import { listDeadJobs, retryDeadJob } from "./dead-jobs";
import { addJob } from "./enqueue";
import { startJobWorker } from "./worker";

const url = () => process.env.DATABASE_URL ?? "";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(25);
  }
}

async function jobCount(task: string): Promise<number> {
  const [{ count }] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier = ${task}`;
  return count;
}

describe("job queue (graphile-worker)", () => {
  it("keeps a job queued while no worker runs and a new worker runs it after a restart", async () => {
    const task = `test.restart.${randomUUID()}`;
    const ranBy: string[] = [];
    const handler =
      (name: string): Task =>
      async () =>
        void ranBy.push(name);
    const first = await startJobWorker({ connectionString: url(), tasks: { [task]: handler("first") } });
    // Due only after the first worker has stopped (a restart in between).
    // Far enough ahead that a slow stop on a busy machine still ends before it is due.
    const dueAt = Date.now() + 5000;
    await addJob(task, { workspaceId: randomUUID() }, { runAt: new Date(dueAt) });
    await first.stop();
    await sleep(Math.max(0, dueAt - Date.now()) + 100);
    expect(ranBy).toEqual([]);
    expect(await jobCount(task)).toBe(1);
    const second = await startJobWorker({
      connectionString: url(),
      tasks: { [task]: handler("second") },
      pollInterval: 200,
    });
    try {
      await until(async () => (await jobCount(task)) === 0);
      expect(ranBy).toEqual(["second"]);
    } finally {
      await second.stop();
    }
  });

  it("runs every job exactly once with two workers on one database", async () => {
    const task = `test.once.${randomUUID()}`;
    const runs = new Map<string, number>();
    const byWorker = { a: 0, b: 0 };
    const handler =
      (name: "a" | "b"): Task =>
      async (payload) => {
        const n = (payload as { n: string }).n;
        runs.set(n, (runs.get(n) ?? 0) + 1);
        byWorker[name] += 1;
        await sleep(2);
      };
    const a = await startJobWorker({ connectionString: url(), tasks: { [task]: handler("a") }, concurrency: 4 });
    const b = await startJobWorker({ connectionString: url(), tasks: { [task]: handler("b") }, concurrency: 4 });
    try {
      const total = 200;
      await db().$transaction(async (tx) => {
        for (let i = 0; i < total; i++) await addJob(task, { n: String(i) }, {}, tx);
      });
      await until(async () => (await jobCount(task)) === 0);
      expect(runs.size).toBe(total);
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      expect(byWorker.a + byWorker.b).toBe(total);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("retries a failing job with backoff, then leaves it dead with its error, and can retry it", async () => {
    const task = `test.dies.${randomUUID()}`;
    const workspaceId = randomUUID();
    const attempts: number[] = [];
    let fail = true;
    const worker = await startJobWorker({
      connectionString: url(),
      pollInterval: 100,
      tasks: {
        [task]: async (_payload, helpers) => {
          attempts.push(helpers.job.attempts);
          if (fail) throw new Error(`boom ${helpers.job.attempts}`);
        },
      },
    });
    try {
      const id = await addJob(task, { workspaceId }, { maxAttempts: 2 });
      await until(() => attempts.length === 1);
      const jobRow = async () =>
        (
          await db().$queryRaw<{ runAt: Date; attempts: number; lastError: string | null }[]>`
            SELECT run_at AS "runAt", attempts, last_error AS "lastError" FROM graphile_worker.jobs WHERE id = ${id}::bigint`
        )[0];
      // The handler has thrown; the worker records the failure a moment later (slower on a busy machine).
      await until(async () => (await jobRow()).lastError !== null);
      // Backed off: the retry is scheduled seconds ahead (exp(1) s), not run at once.
      const job = await jobRow();
      expect(job.attempts).toBe(1);
      expect(job.lastError).toContain("boom 1");
      expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 500);
      await until(() => attempts.length === 2, 10_000);
      await until(async () => (await listDeadJobs({ workspaceId })).length === 1);
      const [dead] = await listDeadJobs({ workspaceId });
      expect(dead).toMatchObject({ id, task, attempts: 2, payload: { workspaceId } });
      expect(dead.lastError).toContain("boom 2");
      await sleep(300);
      expect(attempts).toEqual([1, 2]);

      fail = false;
      expect(await retryDeadJob(id)).toBe(true);
      await until(async () => (await jobCount(task)) === 0);
      expect(attempts).toEqual([1, 2, 1]);
      expect(await listDeadJobs({ workspaceId })).toEqual([]);
    } finally {
      await worker.stop();
    }
  });

  it("queues nothing for a rolled-back transaction", async () => {
    const task = `test.rollback.${randomUUID()}`;
    await expect(
      db().$transaction(async (tx) => {
        await addJob(task, {}, {}, tx);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await jobCount(task)).toBe(0);
  });
});
