// Column mapping: self-mapping headers, suggestions, refused paths, and cells → a CustomerWrite.
import { describe, expect, it } from "vitest";
import { mappedColumns, resolveMapping, rowToWrite, suggestMapping } from "./import-mapping";

describe("import mapping", () => {
  it("maps field-path headers to themselves and applies the caller's entries", () => {
    const header = ["externalId", "Mail", "extended.score", "Notes"];
    const { mapping, unmapped, errors } = resolveMapping(header, { Mail: "base.contacts.email", Notes: "ignore" });
    expect(errors).toEqual([]);
    expect(mapping).toEqual({
      externalId: "externalId",
      Mail: "base.contacts.email",
      "extended.score": "extended.score",
    });
    expect(unmapped).toEqual(["Notes"]);
  });

  it("refuses unknown columns, unknown base fields, list fields, unknown consents and duplicates, by header", () => {
    const header = ["a", "b", "c", "d", "e"];
    const { errors } = resolveMapping(header, {
      z: "base.firstName",
      a: "base.nope",
      b: "base.likes",
      c: "consents.marketing.automatic.fax",
      d: "base.lastName",
      e: "base.lastName",
    });
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(["mapping.z", "mapping.a", "mapping.b", "mapping.c", "mapping"]);
  });

  it("suggests mappings from plain headers", () => {
    expect(suggestMapping(["E-mail", "First name", "Country", "Newsletter", "base.lastName", "Mood"])).toEqual({
      "E-mail": "base.contacts.email",
      "First name": "base.firstName",
      Country: "base.address.country",
      Newsletter: "consents.marketing.automatic.email",
      "base.lastName": "base.lastName",
    });
  });

  it("turns cells into a write: nested base, tags, consents, typed extended values; empty cells carry nothing", () => {
    const header = ["email", "first", "tags", "nl", "score", "vip", "empty"];
    const mapping = {
      email: "base.contacts.email",
      first: "base.firstName",
      tags: "tags",
      nl: "consents.marketing.automatic.email",
      score: "extended.score",
      vip: "extended.vip",
      empty: "base.lastName",
    };
    const types = new Map([
      ["score", "number"],
      ["vip", "boolean"],
    ]);
    const result = rowToWrite(
      ["a@b.it", "Ana", "x; y|z", "Yes", "4,5", "no", ""],
      mappedColumns(header, mapping),
      types,
    );
    expect(result).toEqual({
      ok: true,
      write: {
        base: { contacts: { email: "a@b.it" }, firstName: "Ana" },
        tags: ["x", "y", "z"],
        consents: { marketing: { automatic: { email: { status: true } } } },
        extended: { score: 4.5, vip: false },
      },
    });
    expect(rowToWrite(["a@b.it", "", "", "perhaps", "", "", ""], mappedColumns(header, mapping), types)).toEqual({
      ok: false,
      reason: "nl: expected yes/no, true/false or 1/0",
    });
  });
});
