import { expect, type Locator } from '@playwright/test';

/** The box lies inside the viewport, so a touch there reaches it without a scroll. */
export async function expectOnScreen(target: Locator) {
  await expect(target).toBeVisible();
  const box = await target.boundingBox();
  const viewport = target.page().viewportSize();
  if (!box || !viewport) throw new Error('no box');
  const where = `${JSON.stringify(box)} in ${viewport.width}×${viewport.height}`;
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.y, where).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, where).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, where).toBeLessThanOrEqual(viewport.height);
}

/** A touch at the button's centre, once on screen and able to take it. */
export async function touch(target: Locator) {
  await expectOnScreen(target);
  await expect(target).toBeEnabled();
  const box = await target.boundingBox();
  if (!box) throw new Error('no box');
  await target.page().touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}
