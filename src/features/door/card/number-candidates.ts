/**
 * What OCR text (digits and X only) may hold a resident ID number: 17 digits then a
 * digit or X, as one token or as neighbouring tokens of one line that join to exactly
 * 18 characters (Tesseract splits the card's widely spaced digits now and then). A
 * longer run is never cut into windows: a bank card's 19 digits would give two 18-digit
 * guesses, one of which passes the check character 1 time in 11. Validation comes after.
 */
const ID_TOKEN = /^\d{17}[\dX]$/;
const ID_LENGTH = 18;

export function ocrNumberCandidates(text: string): string[] {
  const found: string[] = [];
  const add = (candidate: string) => {
    if (ID_TOKEN.test(candidate) && !found.includes(candidate)) found.push(candidate);
  };
  const lines = text.toUpperCase().split('\n');
  for (const line of lines) for (const token of line.split(/\s+/)) add(token);
  for (const line of lines) {
    const tokens = line.split(/\s+/).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      let joined = tokens[i] ?? '';
      for (let j = i + 1; j < tokens.length && joined.length < ID_LENGTH; j++) {
        joined += tokens[j];
        if (joined.length === ID_LENGTH) add(joined);
      }
    }
  }
  return found;
}

export interface OcrWord {
  text: string;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/**
 * Words back into the rows they were printed on, each row left to right. Tesseract's
 * sparse-text mode gives every word a line of its own, so a number it split in two
 * would otherwise never be joined; a word joins a row when its middle lies within the
 * row's first word's height.
 */
export function wordsToLines(words: readonly OcrWord[]): string {
  const rows: { mid: number; half: number; words: OcrWord[] }[] = [];
  for (const word of words) {
    const { y0, y1 } = word.bbox;
    const mid = (y0 + y1) / 2;
    const row = rows.find((r) => Math.abs(r.mid - mid) <= r.half);
    if (row) row.words.push(word);
    else rows.push({ mid, half: (y1 - y0) / 2, words: [word] });
  }
  return rows
    .sort((a, b) => a.mid - b.mid)
    .map((r) =>
      r.words
        .sort((a, b) => a.bbox.x0 - b.bbox.x0)
        .map((w) => w.text)
        .join(' '),
    )
    .join('\n');
}
