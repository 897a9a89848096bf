import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike, searchWords, textSearchCondition } from "./text-search";

const sqlOf = (q: string) => {
  const condition: Prisma.Sql = textSearchCondition(q);
  return { text: condition.sql, values: condition.values };
};

describe("searchWords", () => {
  it("folds case and accents and splits on spaces", () => {
    expect(searchWords("  Nicolò   ROSSI ")).toEqual(["nicolo", "rossi"]);
    expect(searchWords("rossi rossi")).toEqual(["rossi"]);
  });
  it("keeps a phone number typed with spaces as one word", () => {
    expect(searchWords("+39 347 123")).toEqual(["+39 347 123"]);
  });
});

describe("textSearchCondition", () => {
  it("needs every word, anywhere in searchText", () => {
    const { text, values } = sqlOf("Mario Rossi");
    expect(text).toContain('c."searchText" LIKE');
    expect(text).toContain(" AND ");
    expect(values).toEqual(["%mario%", "%rossi%"]);
  });
  it("matches short words at the start of a word only", () => {
    expect(sqlOf("ro").values).toEqual(["ro%", "% ro%"]);
  });
  it("also matches phone numbers as bare digits", () => {
    expect(sqlOf("+39 347-12").values).toEqual(["%+39 347-12%", "%3934712%"]);
    expect(sqlOf("3471234").values).toEqual(["%3471234%"]);
  });
  it("takes LIKE wildcards literally", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(sqlOf("100%").values).toEqual(["%100\\%%"]);
  });
});
