/** Hands a bench page's result (or its error) to bench/run.mjs, which polls `window.benchResult`. */
declare global {
  interface Window {
    benchResult?: unknown;
  }
}

export function publishResult(run: () => Promise<unknown>): void {
  run().then(
    (r) => {
      window.benchResult = r;
    },
    (e: unknown) => {
      window.benchResult = { error: String(e) };
    },
  );
}
