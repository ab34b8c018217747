/** What a glyph of the ID number can be: a digit, or X (the check character only). */
export const GLYPH_CLASSES = '0123456789X';
