import type { zhCN } from './zh-CN';
import type { zhCNScreens } from './zh-CN-screens';

/** Every message of the default language: the door's, and the screens' loaded with them. */
export type AllMessages = typeof zhCN & typeof zhCNScreens;

/** Every language has exactly the keys of the default (Simplified Chinese). */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<AllMessages>;
