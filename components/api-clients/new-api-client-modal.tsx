// "New API client": a name and a role, then the client id and secret — the secret only this once (it is
// stored hashed). The modal stays on the credentials until the admin says they have saved them (Esc asks).
import { Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { RoleFields } from "@/components/ui/role-fields";
import { useSecretCloseGuard } from "@/components/ui/secret-close-guard";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { ApiClientCreated } from "@/lib/schemas/api-clients";
import type { Role } from "@/lib/schemas/members";
import { ApiClientCredentials } from "./api-client-credentials";
import { useCreateApiClient } from "./use-api-clients";

const FIELDS = ["name", "role", "consentHistory"] as const;

export function NewApiClientModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("user");
  const [consentHistory, setConsentHistory] = useState(false);
  const [created, setCreated] = useState<ApiClientCreated | null>(null);
  const create = useCreateApiClient(workspace.id);

  const guard = useSecretCloseGuard(created !== null, onClose);
  const close = guard.close;
  // Reset once the modal is gone, not on close: its exit animation still shows the secret.
  const reset = () => {
    setName("");
    setRole("user");
    setConsentHistory(false);
    setCreated(null);
    create.reset();
  };

  const general = formError(create.error, FIELDS);
  return (
    <Modal
      opened={opened}
      {...guard.modalProps}
      onExitTransitionEnd={reset}
      title={<Text fw={650}>{created ? `Credentials for ${created.name}` : "New API client"}</Text>}
      centered
      size={created ? "lg" : "md"}
    >
      {created ? (
        <ApiClientCredentials client={created} guard={guard} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(
              { name, role, consentHistory: role === "admin" ? undefined : consentHistory },
              {
                onSuccess: (client) => {
                  setCreated(client);
                  notifySuccess(`${client.name} was created. Copy its secret now.`, "API client created");
                },
              },
            );
          }}
        >
          <Stack gap="md">
            <TextInput
              label="Name"
              description="Who uses it, e.g. “Shop order sync”."
              required
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldError(create.error, "name")}
            />
            <RoleFields
              role={role}
              onRoleChange={setRole}
              consentHistory={consentHistory}
              onConsentHistoryChange={setConsentHistory}
              roleError={fieldError(create.error, "role")}
            />
            <FormActions
              error={general}
              pending={create.isPending}
              onCancel={close}
              submitLabel="Create API client"
              submitDisabled={!name.trim() && "Name the client first"}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
