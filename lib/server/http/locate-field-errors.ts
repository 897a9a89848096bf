// Services name bad fields by their own input ("to", "cursor"); a client needs to know where it sent
// them. A field that is a key of the contract's path or query schema (and not of its body) is named
// "path.<field>" or "query.<field>", as the wrapper names its own parse failures.
import { z } from "zod";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { AppError, type FieldError } from "@/lib/server/core/errors";

function topLevelKeys(schema: z.ZodType | undefined): Set<string> {
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape));
  if (schema instanceof z.ZodPipe) return topLevelKeys(schema.in as z.ZodType);
  return new Set();
}

export function locateFieldErrors(contract: EndpointContract, errors: FieldError[]): FieldError[] {
  const pathKeys = topLevelKeys(contract.params);
  const queryKeys = topLevelKeys(contract.query);
  const bodyKeys = topLevelKeys(contract.body);
  return errors.map((error) => {
    const field = error.path.split(".")[0];
    if (pathKeys.has(field)) return { ...error, path: `path.${error.path}` };
    if (queryKeys.has(field) && !bodyKeys.has(field)) return { ...error, path: `query.${error.path}` };
    return error;
  });
}

/** The same error with its field errors located in the request; anything else unchanged. */
export function locateError(contract: EndpointContract, error: unknown): unknown {
  if (!(error instanceof AppError) || !error.options.errors?.length) return error;
  const located = new AppError(error.code, error.message, {
    ...error.options,
    errors: locateFieldErrors(contract, error.options.errors),
  });
  located.stack = error.stack;
  return located;
}
