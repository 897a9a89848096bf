// npm run deps:check — the import graph has no cycle: neither between files, nor between the folders of
// lib/server (one capability may use another, never both ways round). Boundaries between layers are
// eslint rules (eslint.config.mjs); this catches what a per-import rule cannot see.
import path from "node:path";
import madge from "madge";

const ROOT_DIR = path.resolve(import.meta.dirname, "..");

/** The folder an import belongs to for the folder-level check: `lib/server/<capability>`, else its top. */
function folderOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] === "lib" && parts[1] === "server" && parts.length > 3) return parts.slice(0, 3).join("/");
  if (parts[0] === "lib" && parts.length > 2) return parts.slice(0, 2).join("/");
  return parts[0];
}

/** Every elementary cycle through a node is not needed: one cycle per strongly connected component is. */
function findCycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowlink.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowlink.set(node, Math.min(lowlink.get(node)!, lowlink.get(next)!));
      } else if (onStack.has(next)) lowlink.set(node, Math.min(lowlink.get(node)!, indices.get(next)!));
    }
    if (lowlink.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return components;
}

/** The edges inside one component that close it, for a readable message. */
function edgesWithin(
  graph: Map<string, Set<string>>,
  component: string[],
  label: (from: string, to: string) => string,
) {
  const members = new Set(component);
  return component.flatMap((from) =>
    [...(graph.get(from) ?? [])].filter((to) => members.has(to)).map((to) => label(from, to)),
  );
}

async function main() {
  const result = await madge(["lib", "app", "components", "scripts"], {
    baseDir: ROOT_DIR,
    fileExtensions: ["ts", "tsx"],
    tsConfig: path.join(ROOT_DIR, "tsconfig.json"),
    excludeRegExp: [/^lib\/generated\//, /\.test\.tsx?$/, /node_modules/],
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  });
  const files = result.obj();
  const fileGraph = new Map(Object.entries(files).map(([file, deps]) => [file, new Set(deps)]));
  const folderGraph = new Map<string, Set<string>>();
  const witness = new Map<string, string>();
  for (const [file, deps] of fileGraph) {
    const from = folderOf(file);
    if (!folderGraph.has(from)) folderGraph.set(from, new Set());
    for (const dep of deps) {
      const to = folderOf(dep);
      if (to === from) continue;
      folderGraph.get(from)!.add(to);
      if (!witness.has(`${from}>${to}`)) witness.set(`${from}>${to}`, `${file} → ${dep}`);
    }
  }
  const fileCycles = findCycles(fileGraph);
  const folderCycles = findCycles(folderGraph);
  for (const cycle of fileCycles) {
    console.error(`File cycle: ${cycle.join(", ")}`);
  }
  for (const cycle of folderCycles) {
    console.error(`Folder cycle: ${cycle.join(" ⇄ ")}`);
    for (const edge of edgesWithin(folderGraph, cycle, (from, to) => witness.get(`${from}>${to}`)!)) {
      console.error(`  ${edge}`);
    }
  }
  const count = Object.keys(files).length;
  if (fileCycles.length + folderCycles.length > 0) {
    console.error(`${fileCycles.length} file cycle(s), ${folderCycles.length} folder cycle(s) in ${count} modules`);
    process.exit(1);
  }
  console.log(`No import cycle in ${count} modules (${folderGraph.size} folders)`);
}

await main();
