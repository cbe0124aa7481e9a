/**
 * CSV as RFC 4180 (comma, CRLF, double quotes doubled) that is also safe to open in a
 * spreadsheet: a text cell starting with = + - @ or a tab/CR would be read as a formula
 * (CSV injection), so it gets a leading apostrophe, as OWASP recommends. Numbers are
 * written as numbers.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A download's headers; a paged export names its next page in a Link header (RFC 8288), with the same query. */
export function csvHeaders(filename: string, path: string, query: Readonly<Record<string, unknown>>, next: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'content-disposition': `attachment; filename="${filename}"` };
  if (next === undefined) return headers;
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, cursor: next })) if (value !== undefined) parameters.set(name, String(value));
  headers.link = `<${path}?${parameters.toString()}>; rel="next"`;
  return headers;
}
