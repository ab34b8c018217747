/**
 * The bug `PLANT=confirm-before-write` plants, to show the harness catches it: a door
 * step's transaction is reported complete as soon as the app has finished with it, and
 * really commits 400 ms later, so the screen confirms a step before its events are on
 * disk. Injected into the page (no app code changes); a kill inside those 400 ms loses a
 * step the screen confirmed.
 *
 * It models the real bug (not awaiting the commit) rather than reordering writes: the
 * transaction stays open (kept alive by small reads) and keeps its lock, so the next
 * step's reads queue behind it as IndexedDB orders them and the door works as usual. An
 * earlier plant answered each add at once and wrote it later in a transaction of its own;
 * the next step then read a visit without its last events and the door went astray
 * before any kill, so the run failed on "stuck" rather than on the bug.
 *
 * "The app has finished" is what auto-commit would see: none of the app's requests in
 * flight when one of the plant's reads comes back, twice running.
 */
export const PLANTS = ['none', 'confirm-before-write'] as const;
export type Plant = (typeof PLANTS)[number];

export const CONFIRM_BEFORE_WRITE = `(() => {
  const HOLD_MS = 400;
  const planted = new WeakMap();
  const followed = new WeakSet();
  const realCount = IDBObjectStore.prototype.count;
  const follow = (tx, request) => {
    const state = tx && planted.get(tx);
    if (!state) return;
    state.pending++;
    if (followed.has(request)) return;
    followed.add(request);
    const done = () => { state.pending--; };
    request.addEventListener('success', done);
    request.addEventListener('error', done);
  };
  const methods = ['add', 'put', 'get', 'getKey', 'getAll', 'getAllKeys', 'count', 'delete',
    'clear', 'openCursor', 'openKeyCursor'];
  for (const [proto, txOf] of [
    [IDBObjectStore.prototype, (s) => s.transaction],
    [IDBIndex.prototype, (i) => i.objectStore.transaction],
  ]) {
    for (const name of methods) {
      const real = proto[name];
      if (!real) continue;
      proto[name] = function (...args) {
        const request = real.apply(this, args);
        follow(txOf(this), request);
        return request;
      };
    }
  }
  for (const name of ['continue', 'advance', 'continuePrimaryKey']) {
    const real = IDBCursor.prototype[name];
    if (!real) continue;
    IDBCursor.prototype[name] = function (...args) {
      real.apply(this, args);
      follow(this.request.transaction, this.request);
    };
  }
  const realCommit = IDBTransaction.prototype.commit;
  if (realCommit)
    IDBTransaction.prototype.commit = function () {
      if (!planted.has(this)) realCommit.call(this);
    };
  const realTransaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, options) {
    const tx = realTransaction.call(this, names, mode, options);
    const list = typeof names === 'string' ? [names] : Array.from(names);
    if (mode !== 'readwrite' || !list.includes('events')) return tx;
    const state = { pending: 0, idle: 0, answeredAt: 0 };
    planted.set(tx, state);
    const store = tx.objectStore('events');
    const probe = () => {
      let request;
      try { request = realCount.call(store); } catch { return; }
      request.onsuccess = () => {
        if (!state.answeredAt) {
          state.idle = state.pending === 0 ? state.idle + 1 : 0;
          if (state.idle >= 2) {
            state.answeredAt = Date.now();
            const answer = tx.oncomplete;
            tx.oncomplete = null;
            answer?.call(tx, new Event('complete'));
          }
          probe();
        } else if (Date.now() - state.answeredAt < HOLD_MS) {
          probe();
        }
      };
    };
    probe();
    return tx;
  };
})();`;
