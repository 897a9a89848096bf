"use client";
// Scalar builds a Vue app on `window`, so it is loaded in the browser only.
import dynamic from "next/dynamic";

const ScalarReference = dynamic(() => import("./scalar-reference").then((m) => m.ScalarReference), {
  ssr: false,
  loading: () => (
    <p style={{ padding: 32, font: "14px system-ui, sans-serif", color: "#666" }}>Loading the API reference…</p>
  ),
});

export function ApiReference() {
  return <ScalarReference />;
}
