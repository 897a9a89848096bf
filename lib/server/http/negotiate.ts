// Content negotiation for customer lists: JSON unless the Accept header prefers text/csv. Reading
// customers needs "read", but taking them away as a file is an export, which API.md reserves for
// Users and Admins ("write").
import { hasPermission, type WorkspaceAccess } from "@/lib/server/core/principal";
import { forbidden } from "@/lib/server/core/errors";

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

/** True when the caller asks for CSV; 403 when they may not export. */
export function csvExportRequested(req: Request, access: WorkspaceAccess): boolean {
  if (!acceptsCsv(req.headers.get("accept"))) return false;
  if (!hasPermission(access, "write"))
    throw forbidden("Exporting customers as CSV needs the write permission (User or Admin)");
  return true;
}
