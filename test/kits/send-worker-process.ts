// A separate Atrium worker process for the Send restart test (lib/server/send/send-restart.int.test.ts):
// the production job worker with every task, on DATABASE_URL and SMTP_URL from its environment. With
// `--resume` it first queues unfinished campaigns again, as the server does at start. It prints "ready"
// once taking jobs and stops cleanly on SIGTERM; the test kills the first one with SIGKILL mid-send.
// Run with tsx (path aliases come from tsconfig.json).
import { startJobWorker } from "@/lib/server/jobs/worker";
import { jobTaskList } from "@/lib/server/runtime/job-tasks";
import { resumeCampaigns } from "@/lib/server/send/resume-campaigns";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error("DATABASE_URL is not set");
const worker = await startJobWorker({ connectionString, tasks: jobTaskList(), concurrency: 2, pollInterval: 200 });
if (process.argv.includes("--resume")) await resumeCampaigns();
console.log("ready");
process.on("SIGTERM", () => {
  void worker.stop().then(() => process.exit(0));
});
