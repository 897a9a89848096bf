// "Rotate secret" on a webhook: a confirmation (the current secret stops signing at once, pending retries
// included), then the new secret, shown once behind the same Esc guard as a new webhook's.
import { Button, Modal, Text } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { useSecretCloseGuard } from "@/components/ui/secret-close-guard";
import { useDialogTarget } from "@/components/ui/use-dialog-target";
import type { Webhook, WebhookWithSecret } from "@/lib/schemas/webhooks";
import { useWebhookMutations } from "./use-webhooks";
import { WebhookSecret } from "./webhook-secret";

export function RotateWebhookSecretButton({ ws, hook }: { ws: string; hook: Webhook }) {
  const { rotate } = useWebhookMutations(ws);
  const confirmation = useDialogTarget<Webhook>();
  const result = useDialogTarget<WebhookWithSecret>();
  const guard = useSecretCloseGuard(result.opened, result.close);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconKey size={14} />}
        aria-label={`Rotate secret of ${hook.url}`}
        onClick={() => confirmation.open(hook)}
      >
        Rotate secret
      </Button>
      <ConfirmModal
        opened={confirmation.opened}
        onClose={confirmation.close}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        loading={rotate.isPending}
        onConfirm={() =>
          rotate.mutate(hook.id, {
            onSuccess: (rotated) => {
              result.open(rotated);
              notifySuccess("Copy the new signing secret now.", "Secret rotated");
            },
            onError: (error) => notifyError(error, "The secret was not rotated"),
            onSettled: confirmation.close,
          })
        }
      >
        Every delivery to {hook.url} from now on, retries of earlier ones included, is signed with a new secret; the
        current one stops verifying at once. Give the receiver the new secret, shown on the next screen only.
      </ConfirmModal>
      <Modal
        opened={result.opened}
        {...guard.modalProps}
        title={<Text fw={650}>New signing secret</Text>}
        centered
        size="lg"
      >
        {result.target ? <WebhookSecret secret={result.target.secret} guard={guard} /> : null}
      </Modal>
    </>
  );
}
