import path from "node:path";
import type { Page } from "@playwright/test";

// Pages at a phone's width, light and dark, for a person to look at before
// calling a page done (docs/testing.md). Only when E2E_SCREENSHOTS names a
// folder: CI has nobody looking, and each full-page shot costs the two cores.
const FOLDER = process.env.E2E_SCREENSHOTS;

/** Saves `<E2E_SCREENSHOTS>/<name>-light.png` and `-dark.png` at 390 px, then restores the page. */
export async function shootAtPhoneWidth(page: Page, name: string): Promise<void> {
  if (!FOLDER) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.screenshot({
      path: path.join(FOLDER, `${name}-${colorScheme}.png`),
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
  if (size) await page.setViewportSize(size);
}
