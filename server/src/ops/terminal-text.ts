/**
 * Text for the lead's terminal. Whatever a tablet, a database or a backup put in a value
 * (a device id, an event id, a site name), the CLI prints no control character raw: an
 * ESC sequence could set the window title, clear the screen or forge rows, a bidi
 * override reorder what is read. Each is shown as its escape, e.g. `\x1b`, `\u202e`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same, less the line feed.
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const escaped = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** One value of a row: a line feed in it is escaped too, so it cannot start a row. */
export function printable(value: string): string {
  return value.replace(UNSAFE, escaped);
}

/** A whole output, lines as the CLI made them. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escaped);
}
