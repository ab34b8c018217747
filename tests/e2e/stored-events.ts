import type { Page } from '@playwright/test';

/** Every event in the tablet's IndexedDB log, read from inside the page (own connection). */
export function storedEvents<T = { type: string; seq: number; visit?: string; data: unknown }>(
  page: Page,
): Promise<T[]> {
  return page.evaluate(
    () =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('checkpoint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as T[]);
          };
        };
      }),
  );
}
