import { useEffect, useState } from 'react';

function rootFontPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** One rem in pixels; the root size grows with the window (styles.css), so it follows resizes. */
export function useRemPx(): number {
  const [rem, setRem] = useState(rootFontPx);
  useEffect(() => {
    const update = () => setRem(rootFontPx());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return rem;
}
