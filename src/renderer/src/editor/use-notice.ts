import { useCallback, useEffect, useState } from 'react';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

const NOTICE_MS = 6000;

/** A short message about the last action; errors stay until the next one. */
export function useNotice(): [Notice | undefined, (notice: Notice | undefined) => void] {
  const [notice, setNotice] = useState<Notice | undefined>();
  useEffect(() => {
    if (!notice || notice.kind === 'error') return undefined;
    const timer = window.setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return [notice, useCallback((next: Notice | undefined) => setNotice(next), [])];
}
