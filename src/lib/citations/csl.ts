/** Small readers for CSL-JSON fields, for display (formatted references come from citation-js). */
import type { Source } from '../schema/source.ts';

/** Authors as "Fischgrund JS, Rhyne A, Franke J" (organisations as written). */
export function cslNames(names: NonNullable<Source['author']>, max = 6): string {
  // A truncated record ends with the literal "et al."; it is written without the period here, as the
  // generated "et al" is, because callers end the author list with their own full stop.
  const list = names.map((n) =>
    'literal' in n
      ? n.literal.replace(/^(et al)\.$/i, '$1')
      : `${n.family}${n.given ? ` ${n.given.replace(/[^A-Z]/g, '') || n.given}` : ''}`,
  );
  return list.length > max ? `${list.slice(0, 3).join(', ')}, et al` : list.join(', ');
}

/** A CSL date as "2018", "May 2018" or "29 May 2018". */
export function cslDateText(date: NonNullable<Source['issued']>): string {
  if ('literal' in date) return date.literal;
  const [year, month, day] = date['date-parts'][0]!;
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  return [day, month ? months[month - 1] : undefined, year]
    .filter((x) => x !== undefined)
    .join(' ');
}

/** The year of issue, for sorting; undefined when not known. */
export function cslYear(source: Source): number | undefined {
  return source.issued && 'date-parts' in source.issued
    ? source.issued['date-parts'][0]?.[0]
    : undefined;
}
