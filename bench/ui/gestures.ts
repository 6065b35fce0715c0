/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { startFrames, stopFrames } from './harness';

/**
 * Pans by dragging the view's frame around the overview map (`.canvas-minimap`) inside `within`: in the editor
 * every point of a large workflow is a draggable node or container, so a drag there would move it.
 */
export async function panByMinimap(page: Page, within: string, ms: number): Promise<number[]> {
  const map = (await page.locator(`${within} .canvas-minimap canvas`).boundingBox())!;
  const x = map.x + map.width * 0.3;
  const y = map.y + map.height * 0.3;
  await page.mouse.move(x, y);
  await startFrames(page);
  await page.mouse.down();
  const start = Date.now();
  for (let step = 0; Date.now() - start < ms; step++) {
    const angle = step / 10;
    await page.mouse.move(x + Math.cos(angle) * map.width * 0.04, y + Math.sin(angle) * map.height * 0.04, { steps: 2 });
  }
  await page.mouse.up();
  return stopFrames(page);
}

/** Pans by dragging the view itself in circles, as a user drags a read-only graph. */
export async function panByDrag(page: Page, within: string, ms: number): Promise<number[]> {
  const pane = (await page.locator(within).boundingBox())!;
  const x = pane.x + pane.width / 2;
  const y = pane.y + pane.height / 2;
  await page.mouse.move(x, y);
  await startFrames(page);
  await page.mouse.down();
  const start = Date.now();
  for (let step = 0; Date.now() - start < ms; step++) {
    const angle = step / 10;
    await page.mouse.move(x + Math.cos(angle) * 150, y + Math.sin(angle) * 100, { steps: 2 });
  }
  await page.mouse.up();
  return stopFrames(page);
}

/** Zooms in and out around the middle of `within` with the wheel, 20 notches each way. */
export async function zoomByWheel(page: Page, within: string, ms: number): Promise<number[]> {
  const pane = (await page.locator(within).boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await startFrames(page);
  const start = Date.now();
  for (let step = 0; Date.now() - start < ms; step++) {
    await page.mouse.wheel(0, step % 40 < 20 ? -120 : 120);
    await page.waitForTimeout(16);
  }
  return stopFrames(page);
}
