// atrium import customers FILE --workspace <id> [--mapping <json>] → the finished import. The file goes
// through the same service as POST …/imports (stored in the database, checkpointed), and this process
// runs the import's slices itself, drawing a progress bar; a server's worker that picks up the queued job
// meanwhile is harmless (the checkpoint only moves forward, rows run twice find their customers).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { z } from "zod";
import { ZId } from "@/lib/schemas/common";
import { ZImportMapping } from "@/lib/schemas/imports";
import { AppError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { createImport } from "@/lib/server/imports/create-import";
import { getImport } from "@/lib/server/imports/get-import";
import { runImport } from "@/lib/server/imports/run-import";
import { defineCommand } from "@/lib/cli/command";

const SLICE_MS = 1000;

const ZMappingOption = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'Must be a JSON object such as {"E-mail":"base.contacts.email"}' });
      return z.NEVER;
    }
  })
  .pipe(ZImportMapping);

export const importCustomers = defineCommand({
  name: "import customers",
  summary: "Import customers from a CSV file (header row first), with a progress bar",
  argument: { key: "file", valueName: "FILE", description: "The CSV file" },
  options: {
    workspace: { type: "string", valueName: "<id>", description: "Workspace id", required: true },
    mapping: {
      type: "string",
      valueName: "<json>",
      description: 'Header → field path, e.g. {"E-mail":"base.contacts.email"} (field-path headers map themselves)',
    },
  },
  schema: z.object({
    file: z.string({ error: "Give the CSV file to import" }).min(1),
    workspace: ZId,
    mapping: ZMappingOption.optional(),
  }),
  async run({ file, workspace, mapping }, { actor, log, progress }) {
    const size = (await stat(file)).size;
    const found = await db().workspace.findUnique({ where: { id: workspace }, select: { id: true } });
    if (!found) throw new AppError("not_found", "Workspace not found");
    log(`Uploading ${path.basename(file)} (${(size / 2 ** 20).toFixed(1)} MiB)…`);
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    const created = await createImport({ workspaceId: workspace, filename: path.basename(file), mapping, body, actor });
    const started = performance.now();
    let current = created;
    while (current.status === "queued" || current.status === "running") {
      await runImport({ workspaceId: workspace, importId: created.id }, { sliceMs: SLICE_MS });
      current = await getImport({ workspaceId: workspace, importId: created.id });
      const rate = current.processed / ((performance.now() - started) / 1000);
      progress(current.progress, `${current.processed.toLocaleString("en-US")} rows, ${Math.round(rate)} rows/s`);
    }
    if (current.rejected > 0) {
      log(`${current.rejected} rows rejected: GET /api/v1/workspaces/${workspace}/imports/${created.id}/errors`);
    }
    return current;
  },
});
