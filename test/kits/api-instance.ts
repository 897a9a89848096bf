// A second app instance for integration tests, in its own process (own module state, own connection pool):
// `tsx --conditions=react-server test/kits/api-instance.ts` with DATABASE_URL set prints its URL, then serves
// until stdin closes. See startSecondInstance().
import { spawn } from "node:child_process";
import path from "node:path";
import { startApiServer } from "./instance-server";

// Set only in the child's environment: importing this file from a test starts nothing.
if (process.env.ATRIUM_TEST_INSTANCE === "1") {
  const server = await startApiServer();
  process.stdout.write(`listening ${server.url}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => void server.close().then(() => process.exit(0)));
}

/** Starts the instance with this process's environment (its database and limits) plus `env`. */
export async function startSecondInstance(
  env: Record<string, string> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", path.join(root, "test/kits/api-instance.ts")],
    { cwd: root, env: { ...process.env, ...env, ATRIUM_TEST_INSTANCE: "1" }, stdio: ["pipe", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the second instance exited (${code}) before listening`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill(), 5_000).unref();
      }),
  };
}
