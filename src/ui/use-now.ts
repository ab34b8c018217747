import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` while mounted. */
export function useNow(now: () => number, everyMs: number): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return value;
}
