/** Joins the class names or ids that are set, with spaces; `undefined` when none is. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}
