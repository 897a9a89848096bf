// The workspace someone worked in last, remembered in this browser so that "/" opens it again.
import type { Membership } from "./use-me";

const STORAGE_KEY = "atrium.lastWorkspaceId";

/** Storage can be missing (private mode, blocked cookies) or throw; remembering is only a convenience. */
function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readLastWorkspaceId(store: Pick<Storage, "getItem"> | null = storage()): string | null {
  try {
    return store?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function writeLastWorkspaceId(id: string, store: Pick<Storage, "setItem"> | null = storage()): void {
  try {
    store?.setItem(STORAGE_KEY, id);
  } catch {
    // Quota or privacy settings: the next visit simply opens the first workspace.
  }
}

export function forgetLastWorkspaceId(store: Pick<Storage, "removeItem"> | null = storage()): void {
  try {
    store?.removeItem(STORAGE_KEY);
  } catch {
    // As above: nothing to do.
  }
}

/** The workspace to open: the last one used if the user still belongs to it, else their first. */
export function pickWorkspace(memberships: readonly Membership[], lastId: string | null): Membership | null {
  return memberships.find((m) => m.workspace.id === lastId) ?? memberships[0] ?? null;
}
