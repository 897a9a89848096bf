// The task registry: every job the queue runs, by name (payload types in lib/server/jobs/job-payloads.ts).
// It lives in runtime/, above every capability, so that services may queue jobs (lib/server/jobs) without
// the queue importing them back.
import type { JobTaskRegistry } from "@/lib/server/jobs/job-task";
import { taskListOf } from "@/lib/server/jobs/worker";
import { buildViewMembers } from "@/lib/server/views/view-membership";

export const jobTasks: JobTaskRegistry = {
  "views.build-members": (payload) => buildViewMembers(payload),
};

export const jobTaskList = () => taskListOf(jobTasks);
