// /docs/api — the browsable API reference, rendered from the generated OpenAPI document.
import type { Metadata } from "next";
import { ApiReference } from "./api-reference";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return <ApiReference />;
}
