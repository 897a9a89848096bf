// The identity rules form. Saving asks first, listing what changes in plain words: the rules decide how
// every record received from then on is linked, and a wrong one can merge people who are not the same.
import { Alert, List, Paper, Stack, TagsInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { SectionHeading } from "@/components/schema/section-heading";
import { SaveChangesActions } from "@/components/ui/form-actions";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { useLeaveGuard } from "@/components/ui/use-leave-guard";
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import {
  describeRuleChanges,
  formValuesOf,
  identityRulesBody,
  type IdentityRulesFormValues,
} from "./identity-rules-values";
import { MatchRulesEditor } from "./match-rules-editor";
import { PolicyChoice } from "./policy-choice";
import type { useSaveIdentityRules } from "./use-identity-rules";

interface IdentityRulesFormProps {
  rules: IdentityRules;
  readOnly: boolean;
  /** Owned by the screen: a save replaces the rules, which remounts this form, and the mutation must outlive it. */
  save: ReturnType<typeof useSaveIdentityRules>;
}

export function IdentityRulesForm({ rules, readOnly, save }: IdentityRulesFormProps) {
  const [values, setValues] = useState<IdentityRulesFormValues>(() => formValuesOf(rules));
  const [confirming, setConfirming] = useState(false);
  const body = identityRulesBody(values);
  const changes = describeRuleChanges(rules, body);
  const dirty = changes.length > 0;
  // Leaving with unsaved rules asks first (a link in the app, a reload or closing the tab).
  useLeaveGuard(dirty && !readOnly);
  const general = formError(save.error, ["policy", "match", "blockedValues"]);

  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!readOnly && dirty) setConfirming(true);
        }}
      >
        <Stack gap="lg">
          <Paper withBorder radius="lg" p="lg">
            <Stack gap="md">
              <SectionHeading
                title="When a record matches an existing customer"
                description="Applies whenever a source or an integration sends a customer profile."
              />
              <PolicyChoice
                value={values.policy}
                onChange={(policy) => setValues((v) => ({ ...v, policy }))}
                readOnly={readOnly}
                error={fieldError(save.error, "policy")}
              />
            </Stack>
          </Paper>
          <Paper withBorder radius="lg" p="lg">
            <MatchRulesEditor
              rows={values.match}
              onChange={(match) => setValues((v) => ({ ...v, match }))}
              readOnly={readOnly}
              errorOf={(index) => fieldError(save.error, `match.${index}`)}
            />
          </Paper>
          <Paper withBorder radius="lg" p="lg">
            <Stack gap="xs">
              <SectionHeading
                title="Blocked values"
                description="Placeholders systems send instead of a real value — “n/a”, “test@test.com”, “unknown”. They never link records, so they cannot merge strangers into one customer. Compared ignoring case and surrounding spaces; empty values are always blocked."
              />
              <TagsInput
                aria-label="Blocked values"
                placeholder={readOnly ? undefined : "Type a value and press Enter"}
                value={values.blockedValues}
                onChange={(blockedValues) => setValues((v) => ({ ...v, blockedValues }))}
                readOnly={readOnly}
                clearable={!readOnly}
                error={fieldError(save.error, "blockedValues")}
              />
            </Stack>
          </Paper>
          <SaveChangesActions
            error={general}
            readOnly={readOnly}
            dirty={dirty}
            pending={save.isPending}
            onDiscard={() => setValues(formValuesOf(rules))}
            saveLabel="Save rules"
          />
        </Stack>
      </form>
      {/* Outside the form: React submit events bubble out of portals, and this modal has a form of its own. */}
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Change how customers are linked?"
        confirmLabel="Save rules"
        danger={false}
        loading={save.isPending}
        onConfirm={() =>
          save.mutate(body, {
            onSuccess: () =>
              notifySuccess("Records received from now on are linked by the new rules.", "Identity rules saved"),
            onSettled: () => setConfirming(false),
          })
        }
      >
        <Stack gap="sm">
          <List size="sm" spacing={4}>
            {changes.map((change) => (
              <List.Item key={change}>{change}</List.Item>
            ))}
          </List>
          <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} />}>
            The new rules apply to every record received from now on. Customers already linked or merged stay as they
            are; a wrong rule can merge people who are not the same person (merges can be undone one by one on the
            customer’s page).
          </Alert>
        </Stack>
      </ConfirmModal>
    </>
  );
}
