// Sending a CSV file as a request body (POST …/imports): the typed client sends JSON only, and a file
// must go as it is, streamed by the browser, with its own media type.
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { ApiError, buildEndpointUrl, problemFromResponse, type EndpointInput, type EndpointOutput } from "./api-client";

export async function uploadCsv<C extends EndpointContract>(
  contract: C,
  input: EndpointInput<C>,
  file: Blob,
): Promise<EndpointOutput<C>> {
  const response = await fetch(buildEndpointUrl(contract, input), {
    method: contract.method,
    headers: { accept: "application/json", "content-type": "text/csv" },
    body: file,
    credentials: "same-origin",
  });
  if (!response.ok) throw new ApiError(await problemFromResponse(response));
  const parsed = contract.success.schema?.safeParse(await response.json());
  if (!parsed?.success) throw new Error(`The response of ${contract.operationId} does not match its contract`);
  return parsed.data as EndpointOutput<C>;
}
