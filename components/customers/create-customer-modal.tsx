// "New customer" on the explorer: a form over the standard fields, the workspace's extended properties
// and tags. The API validates it; its errors show under each field. Sending runs identity resolution like
// any write, so an e-mail another customer has opens that customer, updated, instead of a duplicate.
import { Button, Modal, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useExtendedProperties } from "@/components/filters/use-filter-fields";
import { FormActions } from "@/components/ui/form-actions";
import { formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import { customerName } from "./customer-display";
import { CustomerForm } from "./customer-form";
import { createBodyOf, formPaths, formValuesOf, type CustomerFormValues } from "./customer-form-model";
import { useCreateCustomer } from "./use-customer";

function CreateCustomerModal({ ws, masked, onClose }: { ws: string; masked: boolean; onClose: () => void }) {
  const declarations = (useExtendedProperties(ws).data?.properties ?? []).filter((property) => property.enabled);
  const [values, setValues] = useState<CustomerFormValues>(() => formValuesOf(null, []));
  const create = useCreateCustomer(ws);
  const navigate = useNavigate();
  const toScreen = useWorkspacePath();
  const phone = useMediaQuery("(max-width: 48em)");
  const body = createBodyOf(values, declarations, masked);
  const empty = Object.keys(body).length === 0;
  const submit = () =>
    create.mutate(body, {
      onSuccess: (customer) => {
        notifySuccess(`Saved ${customerName(customer, masked)}.`);
        onClose();
        navigate(toScreen(`/customers/${customer.id}`));
      },
    });
  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>New customer</Text>} size="xl" fullScreen={phone} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!empty) submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Fill in what you know. If an e-mail, phone or external id already belongs to a customer, that customer is
            updated instead of creating a duplicate.
          </Text>
          <CustomerForm
            values={values}
            onChange={setValues}
            declarations={declarations}
            error={create.error}
            masked={masked}
          />
          <FormActions
            error={formError(create.error, formPaths(declarations))}
            pending={create.isPending}
            onCancel={onClose}
            submitLabel="Create customer"
            submitIcon={<IconUserPlus size={16} />}
            submitDisabled={empty}
          />
          {empty ? (
            <Text size="xs" c="dimmed" ta="right">
              Fill in at least one field to create a customer.
            </Text>
          ) : null}
        </Stack>
      </form>
    </Modal>
  );
}

/** The explorer's button; the dialog starts empty each time it opens. */
export function NewCustomerButton({ ws, masked }: { ws: string; masked: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} />} onClick={() => setOpen(true)}>
        New customer
      </Button>
      {open ? <CreateCustomerModal ws={ws} masked={masked} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
