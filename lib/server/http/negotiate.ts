// Content negotiation, once for every route: JSON unless the contract declares CSV and the Accept header
// prefers text/csv. A CSV is an export, so it carries the permission its contract names (customer lists
// need "write", docs/api.md), checked here where the permission matrix sees it.
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { hasPermission, type WorkspaceAccess } from "@/lib/server/core/principal";
import { forbidden } from "@/lib/server/core/errors";

export type Format = "json" | "csv";

interface MediaRange {
  type: string;
  q: number;
  index: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(",")
    .map((part, index) => {
      const [type, ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
      const qParam = params.find((param) => param.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { type, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.type !== "" && range.q > 0);
}

/** True when text/csv is acceptable and ranked above application/json (ties go to the one listed first). */
export function acceptsCsv(accept: string | null): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  const rank = (types: readonly string[]) =>
    ranges.filter((range) => types.includes(range.type)).sort((a, b) => b.q - a.q || a.index - b.index)[0];
  const csv = rank(["text/csv"]);
  if (!csv) return false;
  const json = rank(["application/json", "application/*", "*/*"]);
  return !json || csv.q > json.q || (csv.q === json.q && csv.index < json.index);
}

/** The response format of this request; 403 when CSV is asked for and the caller may not export. */
export function negotiateFormat(req: Request, contract: EndpointContract, access: WorkspaceAccess | null): Format {
  if (!contract.csv || !acceptsCsv(req.headers.get("accept"))) return "json";
  const { permission } = contract.csv;
  if (!access || !hasPermission(access, permission)) {
    throw forbidden(`Exporting as CSV needs the ${permission} permission`);
  }
  return "csv";
}
