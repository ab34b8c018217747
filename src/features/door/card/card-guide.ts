/**
 * Where the door asks staff to hold the card: a centred ID-1 rectangle (85.6 × 54 mm)
 * three quarters of the frame wide, or as wide as 90% of the frame's height allows. The
 * reader reads only this crop, so the visitor's face and the hall behind never reach OCR.
 */
export const ID1_ASPECT = 85.6 / 54;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function cardGuide(frameWidth: number, frameHeight: number): Rect {
  const width = Math.round(Math.min(frameWidth * 0.75, frameHeight * 0.9 * ID1_ASPECT));
  const height = Math.round(width / ID1_ASPECT);
  return {
    x: Math.round((frameWidth - width) / 2),
    y: Math.round((frameHeight - height) / 2),
    width,
    height,
  };
}
