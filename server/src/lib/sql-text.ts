/** `%term%` for ILIKE, with the user's own % _ and \ taken literally (backslash is the default escape). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Route ids are checked before they reach a uuid column: a malformed id is answered like a
 * missing record (404), as the API promises, instead of a database cast error.
 */
export const isUuid = (value: string): boolean => UUID.test(value);
