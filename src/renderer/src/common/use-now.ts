import { useEffect, useState } from 'react';

/**
 * The current time, ticking while `active` (for running durations); frozen otherwise. Ticks
 * fall on whole multiples of the interval, so every clock on screen moves together.
 */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, intervalMs - (Date.now() % intervalMs));
    };
    let timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [active, intervalMs]);
  return now;
}
