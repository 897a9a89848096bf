import { describe, expect, it } from "vitest";
import { cleanColumns, columnsStorageKey, readColumns, writeColumns } from "./column-storage";
import { DEFAULT_COLUMNS } from "./customer-columns";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("column persistence", () => {
  it("remembers columns per workspace", () => {
    const storage = memoryStorage();
    writeColumns(storage, "ws1", ["base.firstName", "extended.tier"], DEFAULT_COLUMNS);
    expect(readColumns(storage, "ws1")).toEqual(["base.firstName", "extended.tier"]);
    expect(readColumns(storage, "ws2")).toBeNull();
  });

  it("does not store the defaults, so changing them later reaches everyone", () => {
    const storage = memoryStorage({ [columnsStorageKey("ws1")]: JSON.stringify(["tags"]) });
    writeColumns(storage, "ws1", [...DEFAULT_COLUMNS], DEFAULT_COLUMNS);
    expect(storage.items.size).toBe(0);
  });

  it("ignores unreadable or invalid stored values", () => {
    expect(readColumns(memoryStorage({ [columnsStorageKey("w")]: "{not json" }), "w")).toBeNull();
    expect(readColumns(memoryStorage({ [columnsStorageKey("w")]: JSON.stringify({ a: 1 }) }), "w")).toBeNull();
    expect(readColumns(memoryStorage({ [columnsStorageKey("w")]: JSON.stringify(["nope", 3]) }), "w")).toBeNull();
    expect(readColumns(null, "w")).toBeNull();
  });

  it("keeps valid, distinct view columns only", () => {
    expect(cleanColumns(["tags", "tags", "base.unknown", "extended.ok_1", "extended.1bad", "createdAt"])).toEqual([
      "tags",
      "extended.ok_1",
      "createdAt",
    ]);
  });

  it("survives a storage that throws", () => {
    const throwing = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
      removeItem: () => undefined,
    };
    expect(readColumns(throwing, "w")).toBeNull();
    expect(() => writeColumns(throwing, "w", ["tags"], DEFAULT_COLUMNS)).not.toThrow();
  });
});
