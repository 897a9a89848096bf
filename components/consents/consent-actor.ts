// Who made a registry change: a person, an API client, a source (a tracker or plug-in) or Atrium itself.
import { IconApi, IconPlugConnected, IconServerCog, IconUser, type Icon } from "@tabler/icons-react";
import type { ConsentHistoryEntry } from "@/lib/schemas/consents";

type Actor = ConsentHistoryEntry["actor"];

const ACTOR_TYPE_LABELS: Record<Actor["type"], string> = {
  USER: "User",
  API_CLIENT: "API client",
  SOURCE: "Source",
  SYSTEM: "Atrium",
};

export const ACTOR_ICONS: Record<Actor["type"], Icon> = {
  USER: IconUser,
  API_CLIENT: IconApi,
  SOURCE: IconPlugConnected,
  SYSTEM: IconServerCog,
};

/** "Ada Lovelace", "API client Shop sync", or the actor kind when no name was kept. */
export function actorText(actor: Actor): string {
  if (actor.type === "SYSTEM") return actor.name ?? "Atrium";
  if (!actor.name) return ACTOR_TYPE_LABELS[actor.type];
  return actor.type === "USER" ? actor.name : `${ACTOR_TYPE_LABELS[actor.type]} ${actor.name}`;
}
