// "Edit" on a customer's page: the same form as creating one, filled with the profile; saving sends a
// merge patch of only what changed (null for a cleared field, a changed list whole), so what was not
// touched stays exactly as it is. The API's errors show under each field.
import { Button, Modal, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconDeviceFloppy, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useExtendedProperties } from "@/components/filters/use-filter-fields";
import { FormActions } from "@/components/ui/form-actions";
import { formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import type { Customer } from "@/lib/schemas/customers";
import type { ExtendedProperty } from "@/lib/schemas/extended-schema";
import { customerName } from "./customer-display";
import { CustomerForm } from "./customer-form";
import { formPaths, formValuesOf, patchOf } from "./customer-form-model";
import { usePatchCustomer } from "./use-customer";

interface EditProps {
  ws: string;
  customer: Customer;
  masked: boolean;
  declarations: ExtendedProperty[];
  onClose: () => void;
}

function EditCustomerModal({ ws, customer, masked, declarations, onClose }: EditProps) {
  const [original] = useState(() => formValuesOf(customer, declarations));
  const [values, setValues] = useState(original);
  const patch = usePatchCustomer(ws, customer.id);
  const phone = useMediaQuery("(max-width: 48em)");
  const changes = patchOf(original, values, declarations, masked);
  const unchanged = Object.keys(changes).length === 0;
  const submit = () =>
    patch.mutate(changes, {
      onSuccess: (saved) => {
        notifySuccess(`Saved ${customerName(saved, masked)}.`);
        onClose();
      },
    });
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>Edit {customerName(customer, masked)}</Text>}
      size="xl"
      fullScreen={phone}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!unchanged) submit();
        }}
      >
        <Stack gap="md">
          <CustomerForm
            values={values}
            onChange={setValues}
            declarations={declarations}
            error={patch.error}
            masked={masked}
          />
          <FormActions
            error={formError(patch.error, formPaths(declarations))}
            pending={patch.isPending}
            onCancel={onClose}
            submitLabel="Save changes"
            submitIcon={<IconDeviceFloppy size={16} />}
            submitDisabled={unchanged}
          />
          {unchanged ? (
            <Text size="xs" c="dimmed" ta="right">
              Change a field to save.
            </Text>
          ) : null}
        </Stack>
      </form>
    </Modal>
  );
}

/** The profile page's button; the form is filled afresh from the profile each time it opens. */
export function EditCustomerButton({ ws, customer, masked }: { ws: string; customer: Customer; masked: boolean }) {
  const [open, setOpen] = useState(false);
  const extended = useExtendedProperties(ws);
  const declarations = (extended.data?.properties ?? []).filter((property) => property.enabled);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPencil size={16} />}
        onClick={() => setOpen(true)}
        // The form needs the declared properties to show (and not drop) the extended ones.
        disabled={extended.isPending}
      >
        Edit
      </Button>
      {open ? (
        <EditCustomerModal
          ws={ws}
          customer={customer}
          masked={masked}
          declarations={declarations}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
