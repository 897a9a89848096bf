"use client";
// Scalar builds a Vue app on `window`, so it is loaded in the browser only. A slim bar above it leads
// back to the app, for people who opened the reference from the app's menu.
import dynamic from "next/dynamic";
import Link from "next/link";

const ScalarReference = dynamic(() => import("./scalar-reference").then((m) => m.ScalarReference), {
  ssr: false,
  loading: () => (
    <p style={{ padding: 32, font: "14px system-ui, sans-serif", color: "#555" }}>Loading the API reference…</p>
  ),
});

const BAR_STYLE = {
  padding: "8px 16px",
  font: "14px system-ui, sans-serif",
  borderBottom: "1px solid #ddd",
  background: "#fff",
} as const;

export function ApiReference() {
  return (
    <>
      <nav aria-label="Atrium" style={BAR_STYLE}>
        {/* #3b5bdb on white is 5.7:1. */}
        <Link href="/" style={{ color: "#3b5bdb", fontWeight: 600 }}>
          ← Back to Atrium
        </Link>
      </nav>
      <ScalarReference />
    </>
  );
}
