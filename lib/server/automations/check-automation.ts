// What saving an automation checks beyond its schema: the trigger's filter compiles against the
// workspace's fields, a webhook action names exactly one of a subscription of this workspace or a URL the
// outbound guard accepts, a sendEmail action names a campaign of this workspace whose templates compile
// (any status: a campaign's status is about its own send, and a draft is the usual triggered template).
// Every problem is reported with its path ("actions.1.webhookId").
import type { AutomationAction, AutomationTrigger } from "@/lib/schemas/automations";
import { AppError, validationFailed, type FieldError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { checkOutboundUrl } from "@/lib/server/outbound/check-url";
import { compileWorkspaceFilter } from "@/lib/server/search/workspace-filter";
import { compileTemplates } from "@/lib/server/send/templates";

async function campaignProblem(workspaceId: string, campaignId: string): Promise<string | null> {
  const campaign = isUuid(campaignId)
    ? await db().campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } })
    : null;
  if (!campaign) return "No such campaign in this workspace";
  try {
    compileTemplates(campaign);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = (error.options.errors ?? []).map((f) => `${f.path}: ${f.message}`).join("; ");
    return `The campaign's templates are not valid (${fields})`;
  }
  return null;
}

export async function checkAutomation(
  workspaceId: string,
  { trigger, actions }: { trigger?: AutomationTrigger; actions?: AutomationAction[] },
): Promise<void> {
  const errors: FieldError[] = [];
  if (trigger?.filter) {
    if (trigger.customers === "anonymous")
      errors.push({ path: "trigger.filter", message: "Anonymous events have no customer to filter" });
    try {
      await compileWorkspaceFilter({ workspaceId, filter: trigger.filter, path: "trigger.filter" });
    } catch (error) {
      if (!(error instanceof AppError) || !error.options.errors) throw error;
      errors.push(...error.options.errors);
    }
  }
  for (const [i, action] of (actions ?? []).entries()) {
    if (action.type === "sendEmail") {
      const problem = await campaignProblem(workspaceId, action.campaignId);
      if (problem) errors.push({ path: `actions.${i}.campaignId`, message: problem });
      continue;
    }
    if (action.type !== "webhook") continue;
    if ((action.webhookId === undefined) === (action.url === undefined)) {
      errors.push({ path: `actions.${i}`, message: "Give either webhookId or url" });
    } else if (action.webhookId !== undefined) {
      const found =
        isUuid(action.webhookId) &&
        (await db().webhookSubscription.count({ where: { workspaceId, id: action.webhookId } })) > 0;
      if (!found) errors.push({ path: `actions.${i}.webhookId`, message: "No such webhook in this workspace" });
    } else if (action.url !== undefined) {
      const reason = await checkOutboundUrl(action.url);
      if (reason) errors.push({ path: `actions.${i}.url`, message: reason });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
}
