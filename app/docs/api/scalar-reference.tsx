"use client";
// The Scalar reference, configured to work offline: no web fonts, no telemetry, no hosted AI agent —
// everything it needs ships in the npm package and the document comes from this server.
import "@scalar/api-reference-react/style.css";
import { ApiReferenceReact, type AnyApiReferenceConfiguration } from "@scalar/api-reference-react";

const configuration: AnyApiReferenceConfiguration = {
  url: "/api/v1/openapi.json",
  metaData: { title: "API reference · Atrium" },
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
  hideClientButton: false,
  // Scalar's default font is Inter from its CDN; use the same system stack as the admin app instead.
  customCss: `.scalar-app { --scalar-font: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }`,
};

export function ScalarReference() {
  return <ApiReferenceReact configuration={configuration} />;
}
