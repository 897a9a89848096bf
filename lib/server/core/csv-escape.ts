// CSV formula injection (OWASP "CSV Injection"): spreadsheets run a cell starting with = + - @ tab or CR
// as a formula, and cell text comes from public write keys (tags, event types, names). Every CSV the
// product writes passes its text cells through here: such cells get a leading apostrophe, except numbers
// and phone numbers (+39 347 …, -12.5), which are data and no spreadsheet turns into a call.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMERIC_OR_PHONE = /^[+-][\d\s().-]*$/;

export function escapeCsvFormula(value: string): string {
  return FORMULA_START.test(value) && !NUMERIC_OR_PHONE.test(value) ? `'${value}` : value;
}

/** A whole row: strings escaped, numbers as they are. */
export function escapeCsvRow(row: ReadonlyArray<string | number>): Array<string | number> {
  return row.map((cell) => (typeof cell === "string" ? escapeCsvFormula(cell) : cell));
}
