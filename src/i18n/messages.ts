import type { zhCN } from './zh-CN';

/** Every language has exactly the keys of the default (Simplified Chinese). */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
