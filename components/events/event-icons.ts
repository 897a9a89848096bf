// The catalogue names each standard type's icon by its @tabler/icons-react export name. The UI maps those
// names to components through the explicit list in event-icon-set.ts instead of `import * as icons`, which
// would put all ~6,000 icons into the bundle. event-icons.test.ts fails when the catalogue gains an icon
// missing there.
import { IconPoint, type Icon } from "@tabler/icons-react";
import type { TablerIconName } from "@/lib/schemas/event-catalogue/common";
import * as eventIconSet from "./event-icon-set";

export const EVENT_ICONS: Partial<Record<TablerIconName, Icon>> = eventIconSet;

/** Custom types have no icon: a neutral dot. */
export const FALLBACK_EVENT_ICON: Icon = IconPoint;

export function eventIcon(name: string | null | undefined): Icon {
  return (
    (name && Object.hasOwn(EVENT_ICONS, name) ? EVENT_ICONS[name as TablerIconName] : undefined) ?? FALLBACK_EVENT_ICON
  );
}
