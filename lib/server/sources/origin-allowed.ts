// For CORS preflights, which carry no credentials: may this origin use some source's write key (of the
// workspace, when the path names one)? A source with no allowed origins admits any. The write itself is
// checked against its own key's source (authenticate.ts), so a permissive preflight grants nothing more.
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";

export async function anySourceAllowsOrigin({
  origin,
  workspaceId,
}: {
  origin: string;
  workspaceId?: string;
}): Promise<boolean> {
  if (workspaceId !== undefined && !isUuid(workspaceId)) return false;
  const source = await db().source.findFirst({
    where: {
      ...(workspaceId ? { workspaceId } : {}),
      OR: [{ allowedOrigins: { isEmpty: true } }, { allowedOrigins: { has: origin } }],
    },
    select: { id: true },
  });
  return source !== null;
}
