// The export document as a byte stream: everything but the events is already in memory (it is small);
// the events follow page by page in id order, read only as fast as the client takes them, so a person
// with 100,000 events costs one page of memory, not the whole history.
import type { Event as EventRow, Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { serializeEvent } from "@/lib/server/events/serialize-event";
import { log } from "@/lib/server/log";
import type { CustomerExport } from "@/lib/schemas/privacy";

/** The export document before its events are streamed into it. */
export type ExportWithoutEvents = Omit<CustomerExport, "events">;

const PAGE_SIZE = 1000;

async function* exportChunks(document: ExportWithoutEvents, events: Prisma.EventWhereInput): AsyncGenerator<string> {
  // The document without its closing brace, then the events array as the last member.
  yield `${JSON.stringify(document).slice(0, -1)},"events":[`;
  let afterId: string | null = null;
  let first = true;
  for (;;) {
    const page: EventRow[] = await db().event.findMany({
      where: afterId ? { AND: [events, { id: { gt: afterId } }] } : events,
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
    });
    if (page.length === 0) break;
    const items = page.map((row) => JSON.stringify(serializeEvent(row))).join(",");
    yield first ? items : `,${items}`;
    first = false;
    afterId = page[page.length - 1].id;
    if (page.length < PAGE_SIZE) break;
  }
  yield "]}";
}

export function streamExport(
  document: ExportWithoutEvents,
  events: Prisma.EventWhereInput,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = exportChunks(document, events);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        // The status line is long sent: all we can do is cut the stream (the client sees invalid JSON) and log.
        log.error({ err: error, customerId: document.customer.id }, "customer export failed while streaming events");
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
