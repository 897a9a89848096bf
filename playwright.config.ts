// Playwright: browser and API journeys against the real server, which e2e/global-setup.ts builds and
// starts on a fresh database (or set ATRIUM_E2E_BASE_URL to test a server that is already running).
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** Debian's Chromium where installed (Playwright cannot download its own browser on every machine). */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const systemChromium = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      // No sandbox: CI runs as root. The rest keeps Chromium from calling home on a closed network,
      // which otherwise floods the log with refused connections and slows every start.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    // Set by the global setup once the server listens; workers start after it and inherit it.
    baseURL: process.env.ATRIUM_E2E_BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: systemChromium },
    },
  ],
});
