// Campaigns, their audience, preview, report and the sandbox outbox, read and changed through the API.
// While a campaign is sending, its reads poll every two seconds so progress shows live.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { fetchAllPages } from "@/lib/client/fetch-all-pages";
import {
  cancelCampaignEndpoint,
  createCampaignEndpoint,
  deleteCampaignEndpoint,
  getCampaignEndpoint,
  getCampaignAudienceEndpoint,
  getCampaignReportEndpoint,
  getSendSettingsEndpoint,
  listCampaignsEndpoint,
  listOutboxEndpoint,
  previewMessageEndpoint,
  sendCampaignEndpoint,
  testCampaignEndpoint,
  updateCampaignEndpoint,
  type Campaign,
  type CampaignCreate,
  type CampaignUpdate,
} from "@/lib/schemas/send";

const keys = {
  all: (ws: string) => ["workspace", ws, "send"] as const,
  campaigns: (ws: string) => ["workspace", ws, "send", "campaigns"] as const,
  campaign: (ws: string, id: string) => ["workspace", ws, "send", "campaign", id] as const,
  outbox: (ws: string) => ["workspace", ws, "send", "outbox"] as const,
};

const live = (status: Campaign["status"] | undefined) => status === "SENDING" || status === "SCHEDULED";

export function useCampaigns(ws: string) {
  return useQuery({
    queryKey: keys.campaigns(ws),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        callEndpoint(listCampaignsEndpoint, { params: { ws }, query: { limit: 200, cursor } }, { signal }),
      ),
    refetchInterval: (query) => (query.state.data?.some((c) => live(c.status)) ? 2000 : false),
  });
}

export function useCampaign(ws: string, id: string | undefined) {
  return useQuery({
    queryKey: keys.campaign(ws, id ?? "new"),
    queryFn: ({ signal }) => callEndpoint(getCampaignEndpoint, { params: { ws, id: id! } }, { signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => (live(query.state.data?.status) ? 2000 : false),
  });
}

export function useCampaignAudience(ws: string, id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.campaign(ws, id ?? "new"), "audience"],
    queryFn: ({ signal }) => callEndpoint(getCampaignAudienceEndpoint, { params: { ws, id: id! } }, { signal }),
    enabled: Boolean(id) && enabled,
  });
}

export function useCampaignReport(ws: string, campaign: Campaign | undefined) {
  return useQuery({
    queryKey: [...keys.campaign(ws, campaign?.id ?? "new"), "report", campaign?.updatedAt, campaign?.progress.sent],
    queryFn: ({ signal }) => callEndpoint(getCampaignReportEndpoint, { params: { ws, id: campaign!.id } }, { signal }),
    // Drafts too: a draft used as an automation's triggered e-mail has messages of its own (byOrigin).
    enabled: Boolean(campaign),
    refetchInterval: live(campaign?.status) || campaign?.status === "SENT" ? 5000 : false,
  });
}

export function useSendSettings(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all(ws), "settings"],
    queryFn: ({ signal }) => callEndpoint(getSendSettingsEndpoint, { params: { ws } }, { signal }),
    enabled,
    retry: false,
  });
}

export interface PreviewInput {
  subject: string;
  preheader?: string | null;
  html: string;
  text?: string | null;
  customerId?: string | null;
}

export function usePreview(ws: string, input: PreviewInput) {
  return useQuery({
    queryKey: [...keys.all(ws), "preview", input],
    queryFn: ({ signal }) => callEndpoint(previewMessageEndpoint, { params: { ws }, body: input }, { signal }),
    enabled: input.html.length > 0 && input.subject.length > 0,
    retry: false,
    placeholderData: (previous) => previous,
  });
}

export function useOutbox(ws: string) {
  return useQuery({
    queryKey: keys.outbox(ws),
    queryFn: ({ signal }) => callEndpoint(listOutboxEndpoint, { params: { ws }, query: { limit: 50 } }, { signal }),
    refetchInterval: 5000,
  });
}

function useInvalidate(ws: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all(ws) });
}

export function useSaveCampaign(ws: string) {
  const invalidate = useInvalidate(ws);
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CampaignCreate | CampaignUpdate }) =>
      id
        ? callEndpoint(updateCampaignEndpoint, { params: { ws, id }, body })
        : callEndpoint(createCampaignEndpoint, { params: { ws }, body: body as CampaignCreate }),
    onSuccess: invalidate,
  });
}

export function useCampaignAction(ws: string) {
  const invalidate = useInvalidate(ws);
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "send" | "cancel" | "delete" }) => {
      if (action === "send") return callEndpoint(sendCampaignEndpoint, { params: { ws, id } });
      if (action === "cancel") return callEndpoint(cancelCampaignEndpoint, { params: { ws, id } });
      return callEndpoint(deleteCampaignEndpoint, { params: { ws, id } });
    },
    onSuccess: invalidate,
  });
}

export function useTestSend(ws: string) {
  const invalidate = useInvalidate(ws);
  return useMutation({
    mutationFn: ({ id, to, customerId }: { id: string; to: string; customerId?: string | null }) =>
      callEndpoint(testCampaignEndpoint, { params: { ws, id }, body: { to, customerId } }),
    onSuccess: invalidate,
  });
}
