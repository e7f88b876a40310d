import type { Page } from 'playwright-core';

/** The row of an admin table that holds `text` in one of its `data-*` keys. */
export function row(page: Page, attribute: string, value: string) {
  return page.locator(`tr[${attribute}="${value}"]`);
}

/** Clicks a button or link that leaves the page, and waits for the page it leads to. */
export async function submit(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
}

/** The codes of an admin table's rows, in order. */
export function rowKeys(page: Page, attribute: string): Promise<string[]> {
  return page.locator(`tr[${attribute}]`).evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a as string) ?? ''), attribute);
}
