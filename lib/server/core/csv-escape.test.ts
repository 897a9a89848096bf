import { describe, expect, it } from "vitest";
import { escapeCsvFormula, escapeCsvRow } from "./csv-escape";

describe("escapeCsvFormula", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["+39 347 123 4567", "+39 347 123 4567"],
    ["-12.5", "-12.5"],
    ["vip", "vip"],
    ["a=b", "a=b"],
  ])("%j → %j", (input, output) => expect(escapeCsvFormula(input)).toBe(output));

  it("leaves numbers of a row alone", () => expect(escapeCsvRow(["=1", 2])).toEqual(["'=1", 2]));
});
