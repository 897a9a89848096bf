// GET /v1/projects/{writeKey}/settings: what analytics.js (analytics-next) loads at start from its CDN.
// Pointing its cdnURL at Atrium makes it read these, and the `Segment.io` integration's apiHost sends
// every call back to Atrium's /v1 API. No other destination is enabled: Atrium is the destination.
export function analyticsSettings({ writeKey, publicUrl }: { writeKey: string; publicUrl: string }) {
  const url = new URL(publicUrl);
  const apiHost = `${url.host}${url.pathname.replace(/\/$/, "")}/v1`;
  return {
    integrations: {
      "Segment.io": {
        apiKey: writeKey,
        apiHost,
        protocol: url.protocol.replace(":", ""),
        unbundledIntegrations: [],
        addBundledMetadata: false,
        maybeBundledConfigIds: {},
        versionSettings: { version: "4.4.7", componentTypes: ["browser"] },
      },
    },
    plan: {
      track: { __default: { enabled: true, integrations: {} } },
      identify: { __default: { enabled: true } },
      group: { __default: { enabled: true } },
    },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}
