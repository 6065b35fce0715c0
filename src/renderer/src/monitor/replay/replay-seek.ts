import { createContext, useContext } from 'react';

/**
 * How a panel asks the monitor to show one moment in replay (a bookmark's, say): null while
 * replay cannot be offered (the task has not ended).
 */
export const ReplaySeekContext = createContext<((at: number) => void) | null>(null);

export function useReplaySeek(): ((at: number) => void) | null {
  return useContext(ReplaySeekContext);
}
