// "Download all data": fetches GET …/customers/{id}/export and saves it as customer-<id>.json. The body is
// saved byte for byte as the server sent it (not re-serialised through the contract's schema), so the
// file is exactly the export the audit log says was made.
import { ApiError, buildEndpointUrl, problemFromResponse } from "@/lib/client/api-client";
import { exportCustomerEndpoint } from "@/lib/schemas/privacy";

export function exportFileName(customerId: string): string {
  // Ids are opaque: keep the name safe on every file system.
  return `customer-${customerId.replace(/[^A-Za-z0-9_-]/g, "_")}.json`;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function downloadCustomerExport(ws: string, customerId: string): Promise<void> {
  const response = await fetch(buildEndpointUrl(exportCustomerEndpoint, { params: { ws, id: customerId } }), {
    headers: { accept: "application/json" },
    credentials: "same-origin",
  });
  if (!response.ok) throw new ApiError(await problemFromResponse(response));
  const blob = await response.blob();
  saveBlob(new Blob([blob], { type: "application/json" }), exportFileName(customerId));
}
