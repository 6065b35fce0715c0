import { useEffect, useState } from 'react';

/** The wall clock, moving once a second while `ticking`; frozen otherwise so that nothing re-renders for it. */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const tick = () => setNow(Date.now());
    // The first tick comes at once: the clock may have stood still for a long time.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ticking]);
  return now;
}
