// The admin app's Mantine theme: one accent colour (indigo), neutral greys, the system font stack
// (no web fonts: the app must work on machines without internet access).
import { createTheme, Drawer, Modal, type CSSVariablesResolver } from "@mantine/core";

const systemFonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"';

export const theme = createTheme({
  primaryColor: "indigo",
  // Shade 7 in light mode: indigo 6 on white is 4.32:1, under WCAG AA's 4.5:1 for text (links, subtle buttons).
  primaryShade: { light: 7, dark: 4 },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: "650" },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  defaultRadius: "md",
  cursorType: "pointer",
  components: {
    // Mantine's close buttons are icons without text: give every modal and drawer one accessible name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close" } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close" } } }),
  },
});

/** Surfaces that differ per colour scheme, used by the shell (muted page background vs. white chrome). */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  // Dimmed text at AA contrast: Mantine's defaults (gray 6 on white, dark 2 on dark 6) are 3.3:1 and 3.5:1.
  light: {
    "--mantine-color-dimmed": t.colors.gray[7],
    // Yellow notices (light variant): yellow 9 on yellow 1 is 2.68:1; this darker amber is 5.4:1.
    "--mantine-color-yellow-light-color": "#8f5600",
    // Field errors (message and the invalid input's text): Mantine's red 6 on white is 3.6:1; red 9 is 5.4:1.
    "--mantine-color-error": t.colors.red[9],
    "--atrium-surface-page": t.colors.gray[0],
    "--atrium-surface-chrome": t.white,
  },
  dark: {
    // White on the dark scheme's filled indigo (shade 4) is 2.97:1: filled buttons and avatars take shade 7
    // (4.98:1), while indigo text on dark surfaces keeps shade 4 (5.2:1 on dark 7). Red likewise (9: 5.4:1).
    "--mantine-color-indigo-filled": t.colors.indigo[7],
    "--mantine-color-indigo-filled-hover": t.colors.indigo[8],
    "--mantine-color-indigo-text": t.colors.indigo[4],
    "--mantine-color-red-filled": t.colors.red[9],
    "--mantine-color-red-filled-hover": t.colors.red[8],
    "--mantine-color-red-text": t.colors.red[4],
    "--mantine-color-dimmed": t.colors.dark[1],
    // Field errors on dark inputs: red 8 is about 3.6:1, red 5 about 4.9:1 on dark 6.
    "--mantine-color-error": t.colors.red[5],
    "--atrium-surface-page": t.colors.dark[8],
    "--atrium-surface-chrome": t.colors.dark[7],
  },
});
