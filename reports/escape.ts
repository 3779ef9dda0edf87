const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for XML and HTML element content and attribute values. */
export const escapeMarkup = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

/** Drops characters XML 1.0 cannot carry (control characters a response body may hold). */
export const xmlSafe = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
  escapeMarkup(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD'));

/** Markdown text on one line: no `|` (table cells), no line breaks, no raw HTML tags. */
export const mdCell = (text: string) =>
  text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
