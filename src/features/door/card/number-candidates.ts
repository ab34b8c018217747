/**
 * What OCR text (digits and X only) may hold a resident ID number: 17 digits then a
 * digit or X, as one token or as neighbouring tokens of one line that join to exactly
 * 18 characters (Tesseract splits the card's widely spaced digits now and then). A
 * longer run is never cut into windows: a bank card's 19 digits would give two 18-digit
 * guesses, one of which passes the check character 1 time in 11. Validation comes after.
 */
const ID_TOKEN = /^\d{17}[\dX]$/;
const ID_LENGTH = 18;

export function idNumberCandidates(text: string): string[] {
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
