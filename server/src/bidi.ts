/**
 * Wraps right-to-left text in a Unicode first-strong isolate, so that in a left-to-right list the text
 * keeps its own order and does not pull neighbouring digits or file names into it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
