// The admin app's Mantine theme: one accent colour (indigo), neutral greys, the system font stack
// (no web fonts: the app must work on machines without internet access).
import { createTheme, Drawer, Modal, type CSSVariablesResolver } from "@mantine/core";

const systemFonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"';

export const theme = createTheme({
  primaryColor: "indigo",
  // Shade 7 in light mode: indigo 6 on white is 4.32:1, under WCAG AA's 4.5:1 for text (links, subtle buttons).
  primaryShade: { light: 7, dark: 4 },
  // Filled surfaces (buttons, avatars, badges) pick black or white text, whichever contrasts more: white on
  // indigo 4 (the dark scheme's filled shade) is 2.97:1, black 7:1. 0.18 is where both contrast alike.
  autoContrast: true,
  luminanceThreshold: 0.18,
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
    "--atrium-surface-page": t.colors.gray[0],
    "--atrium-surface-chrome": t.white,
  },
  dark: {
    "--mantine-color-dimmed": t.colors.dark[1],
    "--atrium-surface-page": t.colors.dark[8],
    "--atrium-surface-chrome": t.colors.dark[7],
  },
});
