/**
 * What separates the name from the number in a keyboard-mode ID-card reader's output (a
 * device setting). Apart from the parser (card-reader-text.ts) so that the settings the
 * door boots with do not carry it onto the first paint.
 */
export const READER_SEPARATORS = [',', '|', ';', ' '] as const;
export type ReaderSeparator = (typeof READER_SEPARATORS)[number];
export const DEFAULT_READER_SEPARATOR: ReaderSeparator = ',';
