// /docs — the API reference is the only document for now.
import { redirect } from "next/navigation";

export default function DocsPage() {
  redirect("/docs/api");
}
