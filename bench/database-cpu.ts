// CPU seconds used by a database's PostgreSQL backends, for benchmarks that run beside a local server: on a
// shared 2-core machine the wall clock mostly measures the wait for a CPU, while CPU per row says what the
// work costs and where (this process or the database), and so what a core of either buys.
// Backends come and go (pools open and close connections), so their /proc counters are sampled and the
// last value of each is kept. Returns null figures where /proc or pg_stat_activity cannot be read.
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";

function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, 100 clock ticks a second
  } catch {
    return null;
  }
}

export interface DatabaseCpu {
  /** CPU seconds of the database's backends since start(); null when unreadable (a remote server). */
  stop(): Promise<number | null>;
}

/** Starts sampling the backends of the database at `adminUrl` (which must be allowed to see their pids). */
export async function startDatabaseCpu(adminUrl: string, everyMs = 250): Promise<DatabaseCpu> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const readable = existsSync("/proc/self/stat");
  const baseline = new Map<number, number>();
  const last = new Map<number, number>();
  let own = 0;
  const sample = async (first: boolean) => {
    const { rows } = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database()",
    );
    own = (await admin.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    for (const { pid } of rows) {
      const seconds = cpuSeconds(pid);
      if (seconds === null) continue;
      if (!baseline.has(pid)) baseline.set(pid, first ? seconds : 0);
      last.set(pid, seconds);
    }
  };
  await sample(true);
  let busy = Promise.resolve();
  const timer = setInterval(() => (busy = busy.then(() => sample(false)).catch(() => undefined)), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await busy;
      await sample(false).catch(() => undefined);
      await admin.end();
      if (!readable || last.size === 0) return null;
      let total = 0;
      for (const [pid, seconds] of last) if (pid !== own) total += seconds - (baseline.get(pid) ?? 0);
      return total;
    },
  };
}
