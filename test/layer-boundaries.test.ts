// The layer rules of eslint.config.mjs fire: each probe is an import a layer must not make, linted as if
// it were a file of that layer (docs/architecture.md lists the layers).
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT_DIR = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT_DIR });
});

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT_DIR, file) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const probe = (specifier: string) => `import { x } from "${specifier}";\nexport const y = x;\n`;

describe("layer boundaries", () => {
  it.each([
    ["a service importing http/", "lib/server/customers/probe.ts", "@/lib/server/http/route"],
    ["a service importing the web framework", "lib/server/views/probe.ts", "next/server"],
    ["core importing a capability", "lib/server/core/probe.ts", "@/lib/server/customers/serialize-customer"],
    ["core importing the database", "lib/server/core/probe.ts", "@/lib/server/db/client"],
    ["db importing a capability", "lib/server/db/probe.ts", "@/lib/server/audit/record-audit"],
    ["a client module importing server code", "lib/client/probe.ts", "@/lib/server/db/client"],
    ["a client module importing Prisma", "lib/client/probe.ts", "@/lib/generated/prisma/client"],
    ["a client module importing components", "lib/client/probe.ts", "@/components/ui/theme"],
    ["a component importing server code", "components/customers/probe.tsx", "@/lib/server/core/errors"],
    ["schemas importing server code", "lib/schemas/probe.ts", "@/lib/server/core/errors"],
    ["production code importing a test kit", "lib/server/events/probe.ts", "@/test/kits/customer-kit"],
    ["a route importing a test kit", "app/api/v1/probe/route.ts", "@/test/fixtures"],
    ["a relative import climbing out of its folder", "lib/server/views/probe.ts", "../customers/get-customer"],
  ])(
    "refuses %s",
    async (_label, file, specifier) => {
      expect(await restrictedImports(file, probe(specifier))).toHaveLength(1);
    },
    // ESLint with the type-aware project config takes seconds on a busy machine.
    30_000,
  );

  it.each([
    ["a route importing http/", "app/api/v1/probe/route.ts", "@/lib/server/http/route"],
    ["a service importing core", "lib/server/customers/probe.ts", "@/lib/server/core/errors"],
    ["a component importing the client", "components/customers/probe.tsx", "@/lib/client/api-client"],
    ["a test importing a test kit", "lib/server/events/probe.int.test.ts", "@/test/kits/customer-kit"],
  ])(
    "allows %s",
    async (_label, file, specifier) => {
      expect(await restrictedImports(file, probe(specifier))).toEqual([]);
    },
    30_000,
  );
});
