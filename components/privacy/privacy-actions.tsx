// <PrivacyActions ws customer={{ id, displayName }} /> — the data subject's rights on a customer page:
// "Download all data" (members who may write; the export is audited) and "Erase this person" (admins).
// Renders nothing for members who may do neither.
import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDownload, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { callEndpoint } from "@/lib/client/api-client";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import { queryKeys } from "@/lib/client/query-keys";
import { usePermissions } from "@/lib/client/use-permissions";
import { eraseCustomerEndpoint } from "@/lib/schemas/privacy";
import { downloadCustomerExport } from "./download-export";
import { EraseCustomerModal } from "./erase-customer-modal";

export interface PrivacyActionsProps {
  /** Workspace id. */
  ws: string;
  customer: { id: string; displayName: string };
}

export function PrivacyActions({ ws, customer }: PrivacyActionsProps) {
  const { canWrite, canAdmin } = usePermissions();
  const toScreen = useWorkspacePath();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);

  const download = useMutation({
    mutationFn: () => downloadCustomerExport(ws, customer.id),
    onError: (error) => notifyError(error, "The data could not be downloaded"),
  });

  const erase = useMutation({
    mutationFn: () => callEndpoint(eraseCustomerEndpoint, { params: { ws, id: customer.id } }),
    onSuccess: async () => {
      close();
      notifySuccess(`Everything held about ${customer.displayName} has been erased.`, "Person erased");
      navigate(toScreen("/customers"));
      // After leaving the page, so its queries do not refetch a customer that no longer exists.
      queryClient.removeQueries({ queryKey: queryKeys.customers.detail(ws, customer.id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.lists(ws) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.events.all(ws) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.reports.all(ws) }),
      ]);
    },
    onError: (error) => notifyError(error, "The person could not be erased"),
  });

  if (!canWrite && !canAdmin) return null;
  // Siblings of the page's other actions (no group of their own), so they wrap together with them.
  return (
    <>
      {canWrite ? (
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={download.isPending}
          onClick={() => download.mutate()}
        >
          Download all data
        </Button>
      ) : null}
      {canAdmin ? (
        <>
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={open}>
            Erase this person
          </Button>
          <EraseCustomerModal
            opened={confirming}
            displayName={customer.displayName}
            erasing={erase.isPending}
            onClose={close}
            onConfirm={() => erase.mutate()}
          />
        </>
      ) : null}
    </>
  );
}
