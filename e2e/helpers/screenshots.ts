// Screenshots for a person to look at: the page as it is now, whole, at 1440 px and on a 390 px phone,
// then back at the desktop size the specs work at. The caller names the files (its folder, its prefix).
import type { Page } from "@playwright/test";

export const SCREEN_SIZES = [
  ["desktop", 1440, 900],
  ["phone", 390, 844],
] as const;

export type ScreenSize = (typeof SCREEN_SIZES)[number][0];

export async function photographAtEachSize(
  page: Page,
  fileFor: (size: ScreenSize) => string,
  { settleMs = 0 }: { settleMs?: number } = {},
): Promise<void> {
  for (const [size, width, height] of SCREEN_SIZES) {
    await page.setViewportSize({ width, height });
    // Layouts that switch at a breakpoint (the navigation, the tables' cards) re-render first.
    if (settleMs > 0) await page.waitForTimeout(settleMs);
    await page.screenshot({ path: fileFor(size), fullPage: true });
  }
  await page.setViewportSize({ width: SCREEN_SIZES[0][1], height: SCREEN_SIZES[0][2] });
}

export type Scheme = "light" | "dark";

/** The same in light and in dark mode; the page is left in light mode. */
export async function photographInEachScheme(
  page: Page,
  fileFor: (scheme: Scheme, size: ScreenSize) => string,
  options: { settleMs?: number } = {},
): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await photographAtEachSize(page, (size) => fileFor(scheme, size), options);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
