/**
 * The bug `PLANT=confirm-before-write` plants, to show the harness catches it: the door's
 * event writes are answered "done" at once and really written 400 ms later, so the screen
 * confirms a step before its events are on disk. Injected into the page (no app code
 * changes); a kill inside those 400 ms loses a step the screen confirmed.
 */
export const PLANTS = ['none', 'confirm-before-write'] as const;
export type Plant = (typeof PLANTS)[number];

export const CONFIRM_BEFORE_WRITE = `(() => {
  for (const method of ['add', 'put']) {
    const real = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (value, key) {
      if (this.name !== 'events' || this.transaction.mode !== 'readwrite') return real.call(this, value, key);
      const store = this;
      const db = store.transaction.db;
      const fake = { result: key ?? value.id, error: null, readyState: 'pending', source: store,
        transaction: store.transaction, onsuccess: null, onerror: null,
        addEventListener() {}, removeEventListener() {} };
      const probe = store.count(); // a real request: the transaction stays alive for Dexie
      probe.onsuccess = () => { fake.readyState = 'done'; fake.onsuccess?.({ target: fake, type: 'success' }); };
      setTimeout(() => real.call(db.transaction('events', 'readwrite').objectStore('events'), value), 400);
      return fake;
    };
  }
})();`;
