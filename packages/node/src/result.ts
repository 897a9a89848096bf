// openapi-fetch answers { data, error, response }. The SDK's fetch throws AtriumProblemError for every error
// answer, so a call that resolves has succeeded: ok() returns its data, typed, without the undefined case.
import { problemFrom } from "./errors.js";

export interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, response } = await call;
  // Reached only with a fetch that does not throw (a client created around another fetch).
  if (!response.ok) throw await problemFrom(response);
  return data as T;
}
