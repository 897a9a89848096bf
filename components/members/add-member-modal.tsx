// "Add member": an existing Atrium user, by e-mail, with a role. Users are created by an operator (the
// atrium CLI), so an unknown address is explained next to the field rather than failing silently.
import { Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { errorMessage, notifySuccess } from "@/components/ui/notify";
import { RoleFields } from "@/components/ui/role-fields";
import { ApiError } from "@/lib/client/api-client";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { Role } from "@/lib/schemas/members";
import { useAddMember } from "./use-members";

const FIELDS = ["email", "role", "consentHistory"] as const;

export function AddMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("user");
  const [consentHistory, setConsentHistory] = useState(false);
  const add = useAddMember(workspace.id);

  const close = onClose;
  // Reset once the modal is gone, so its exit animation does not show the form emptied.
  const reset = () => {
    setEmail("");
    setRole("user");
    setConsentHistory(false);
    add.reset();
  };

  // No such user (404) and already a member (409) are both about the address typed.
  const aboutEmail =
    add.error instanceof ApiError && (add.error.status === 404 || add.error.status === 409)
      ? errorMessage(add.error)
      : undefined;
  const general = aboutEmail ? undefined : formError(add.error, FIELDS);

  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={reset}
      title={<Text fw={650}>Add member</Text>}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate(
            { email, role, consentHistory: role === "admin" ? undefined : consentHistory },
            {
              onSuccess: (member) => {
                notifySuccess(
                  `${member.user.name ?? member.user.email} can now work in ${workspace.name}.`,
                  "Member added",
                );
                close();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <TextInput
            label="E-mail"
            description="The address the person signs in to Atrium with."
            placeholder="jane@example.com"
            type="email"
            required
            data-autofocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError(add.error, "email") ?? aboutEmail}
          />
          <RoleFields
            role={role}
            onRoleChange={setRole}
            consentHistory={consentHistory}
            onConsentHistoryChange={setConsentHistory}
            roleError={fieldError(add.error, "role")}
          />
          <FormActions
            error={general}
            pending={add.isPending}
            onCancel={close}
            submitLabel="Add member"
            submitDisabled={!email.trim() && "Enter an e-mail address first"}
          />
        </Stack>
      </form>
    </Modal>
  );
}
