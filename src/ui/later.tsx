import { type ComponentType, lazy, type ReactNode } from 'react';

/** A component whose code loads after the first paint; `preload()` starts loading it. */
export type Later<P> = ComponentType<P> & { preload: () => Promise<void> };

type FunctionComponent = (props: never) => ReactNode;
type PropsOf<C extends FunctionComponent> =
  Parameters<C> extends [infer P extends object, ...unknown[]] ? P : Record<string, never>;

/**
 * A named export of a module loaded lazily (inside a `Suspense`). Once its module has
 * loaded it renders at once, without suspending again: the door starts loading the code
 * of its later steps as it paints, so a visitor's next step never waits on a fallback.
 * Call it once per component, at a module's top level.
 */
export function later<M extends Record<K, FunctionComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): Later<PropsOf<M[K]>> {
  type P = PropsOf<M[K]>;
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () => {
    loading ??= load().then((module) => {
      loaded = module[name] as unknown as ComponentType<P>;
    });
    return loading;
  };
  const Lazy = lazy(() => preload().then(() => ({ default: loaded as ComponentType<P> })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per component, at a module's top level
  function Later(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Later, { preload });
}

/** Starts loading each of these components' code (after the first paint). */
export function preloadAll(components: readonly { preload: () => Promise<void> }[]) {
  return Promise.all(components.map((c) => c.preload())).then(() => undefined);
}
