import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import type { NodeControl } from './model/available-controls';
import { callControl } from './model/call-control';

/** A control the operator picked and has not yet confirmed or cancelled. */
export interface ControlRequest {
  control: NodeControl;
  nodeId: string;
}

export type ControlNotice =
  | { id: number; kind: 'sending'; control: NodeControl; nodeId: string }
  | { id: number; kind: 'done'; control: NodeControl; nodeId: string; count: number | null }
  | { id: number; kind: 'refused'; control: NodeControl; nodeId: string; code: string | null; error: unknown };

/** Successes fade after this long; refusals stay until dismissed, since the operator must read them. */
const DONE_VISIBLE_MS = 6000;
const MAX_NOTICES = 3;

export function useNodeControls(client: ConsoleClient, taskId: string) {
  const [request, setRequest] = useState<ControlRequest | null>(null);
  const [notices, setNotices] = useState<ControlNotice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const dismiss = useCallback((id: number) => setNotices((shown) => shown.filter((notice) => notice.id !== id)), []);

  const confirm = useCallback(
    (control: NodeControl, nodeId: string, text?: string) => {
      setRequest(null);
      const id = nextId.current++;
      const replace = (notice: ControlNotice) => setNotices((shown) => shown.map((each) => (each.id === id ? notice : each)));
      setNotices((shown) => [...shown, { id, kind: 'sending' as const, control, nodeId }].slice(-MAX_NOTICES));
      callControl(client, taskId, nodeId, control, text).then(
        (count) => {
          replace({ id, kind: 'done', control, nodeId, count });
          const timer = setTimeout(() => {
            timers.current.delete(timer);
            dismiss(id);
          }, DONE_VISIBLE_MS);
          timers.current.add(timer);
        },
        (error: unknown) => replace({ id, kind: 'refused', control, nodeId, code: error instanceof ApiError ? error.code : null, error }),
      );
    },
    [client, taskId, dismiss],
  );

  return { request, ask: setRequest, cancel: useCallback(() => setRequest(null), []), confirm, notices, dismiss };
}
