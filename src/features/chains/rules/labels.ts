/**
 * What the chain graph shows of a person: initials and birth year ("N.V.A. 1990"), never the full name — the
 * graph is drawn on screens in meetings; the name is one tap away, audited (product choice).
 */
export function maskedLabel(fullName: string, birthYear: number | null): string {
  const initials = fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]!.toUpperCase()}.`)
    .join('');
  return birthYear ? `${initials} ${birthYear}` : initials;
}
