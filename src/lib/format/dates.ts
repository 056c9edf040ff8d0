/** Formatting content dates for people. Pure: never reads the clock. */

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-05-29" → "29 May 2025"; "2026-01" → "January 2026". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const name = months[(month ?? 1) - 1] ?? '';
  return day ? `${day} ${name} ${year}` : `${name} ${year}`;
}

/** A sortable ISO timestamp for a date that may be month-only ("2026-01" → "2026-01-01T00:00:00Z"). */
export function dateTimestamp(date: string): string {
  return `${date.length === 7 ? `${date}-01` : date}T00:00:00Z`;
}

/** The latest of several dates (ISO strings sort as dates). */
export function latestDate(dates: readonly string[]): string | undefined {
  return [...dates].sort((a, b) => dateTimestamp(a).localeCompare(dateTimestamp(b))).at(-1);
}
