// One customer of a batch or an import row, through identity resolution (the POST /customers service):
// an expected failure becomes this item's result instead of failing the others.
import { ZCustomerWrite, type CustomerWrite } from "@/lib/schemas/customers";
import type { CustomerBatchItemStatus } from "@/lib/schemas/imports";
import type { Actor } from "@/lib/server/audit/record-audit";
import { AppError, type FieldError } from "@/lib/server/core/errors";
import { issuesToFieldErrors } from "@/lib/server/core/field-errors";
import { resolveCustomerWrite, type ResolveCustomerWriteInput } from "@/lib/server/customers/resolve-customer-write";

export interface ItemResult {
  status: CustomerBatchItemStatus;
  id?: string;
  code?: string;
  message?: string;
  errors?: FieldError[];
}

export type Checked = { ok: true; write: CustomerWrite } | { ok: false; result: ItemResult };

export function checkCustomerItem(raw: unknown): Checked {
  const parsed = ZCustomerWrite.safeParse(raw);
  if (parsed.success) return { ok: true, write: parsed.data };
  return {
    ok: false,
    result: {
      status: "rejected",
      code: "validation_failed",
      message: "The customer is not valid",
      errors: issuesToFieldErrors(parsed.error.issues),
    },
  };
}

export async function writeCustomerItem(
  input: {
    workspaceId: string;
    write: CustomerWrite;
    actor: Actor;
    requestId?: string;
  } & Pick<ResolveCustomerWriteInput, "consentSource" | "consentEvidence" | "preloaded">,
): Promise<ItemResult> {
  try {
    const { customer, created } = await resolveCustomerWrite({
      workspaceId: input.workspaceId,
      input: input.write,
      actor: input.actor,
      requestId: input.requestId,
      consentSource: input.consentSource,
      consentEvidence: input.consentEvidence,
      preloaded: input.preloaded,
    });
    return { status: created ? "created" : "updated", id: customer.id };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      status: "rejected",
      code: error.code,
      message: error.message,
      ...(error.options.errors && { errors: error.options.errors }),
    };
  }
}
