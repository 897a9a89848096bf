// Customer writes (the API, write keys, imports and connectors that write customers) naming an erased,
// suppressed identity are dropped: counted on the suppression and refused with a 409 that says why, so
// the sender can stop sending her. Nothing is written.
import { AppError } from "@/lib/server/core/errors";
import { dropSuppressed, type IdentityRef } from "./drop-suppressed";

/** The refusal of a write naming suppressed identities of these types (bulk writes build it per item). */
export function suppressedConflict(types: readonly string[]): AppError {
  return new AppError(
    "conflict",
    `This person was erased and her identities are suppressed (${types.join(", ")}): the write was dropped. An admin can lift the suppression`,
    { extra: { suppressed: [...types] } },
  );
}

export async function refuseSuppressed(workspaceId: string, identities: readonly IdentityRef[]): Promise<void> {
  const suppressed = await dropSuppressed(workspaceId, identities);
  if (suppressed.size === 0) return;
  throw suppressedConflict([...new Set([...suppressed].map((key) => key.slice(0, key.indexOf(":"))))]);
}
