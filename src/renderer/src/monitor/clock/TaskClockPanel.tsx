import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../../shared/api/contract';
import { CLOCK_RATE_PRESETS, simAt, type ClockChange } from '../../../../shared/clock/clock-model';
import type { TaskClockView, UnhonouredAgent } from '../../../../shared/clock/clock-view';
import { formatRate, formatTaskTime } from '../../../../shared/clock/format-task-time';
import { errorMessage } from '../../common/error-message';
import { useNow } from '../../common/use-now';
import './task-clock.css';

/** How often the clock is read again, so that changes made elsewhere show up. */
const REFRESH_MS = 3000;

/**
 * The task's exercise clock in its header: task time (advanced locally from the clock's anchor
 * between reads), rate and paused; operators pause, resume, step and set the rate here.
 */
export function TaskClockPanel({ client, taskId, canControl, ended }: { client: ConsoleClient; taskId: string; canControl: boolean; ended: boolean }) {
  const { t } = useTranslation();
  const [clock, setClock] = useState<TaskClockView | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [stepSeconds, setStepSeconds] = useState('10');
  const [busy, setBusy] = useState(false);
  const running = clock !== null && !clock.paused && clock.startedAtMs !== null && !ended;
  const now = useNow(running, 250);

  const read = useCallback(() => {
    client.getTaskClock(taskId).then(setClock, () => undefined);
  }, [client, taskId]);
  useEffect(() => {
    read();
    if (ended) return;
    const timer = setInterval(read, REFRESH_MS);
    return () => clearInterval(timer);
  }, [read, ended]);

  const change = async (given: ClockChange) => {
    setBusy(true);
    try {
      const result = await client.setTaskClock(taskId, given);
      setClock(result.clock);
      setOutcome({ ok: true, text: result.notHonouring.length > 0 ? t('clock.notHonouring', { agents: agentList(result.notHonouring) }) : t('clock.changed') });
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  };

  if (clock === null) return null;
  const simMs = running ? simAt(clock.anchor, now) : clock.simMs;
  const controls = canControl && !ended;
  return (
    <div className="task-clock" role="group" aria-label={t('clock.label')} data-testid="task-clock" data-paused={clock.paused} data-rate={clock.rate}>
      <span className="task-clock-time numeric" title={t('clock.timeBase', { base: t(`clock.base.${clock.timeBase}`) })} data-testid="task-clock-time" data-verbatim>
        {formatTaskTime(simMs)}
      </span>
      {!controls && (
        <span className="task-clock-rate numeric" data-testid="task-clock-rate">
          {formatRate(clock.rate)}
        </span>
      )}
      <span className={clock.paused ? 'task-clock-state paused' : 'task-clock-state'}>{clock.paused ? t('clock.paused') : t('clock.running')}</span>
      {controls && (
        <>
          <button type="button" disabled={busy} data-testid="clock-pause" onClick={() => void change({ action: clock.paused ? 'resume' : 'pause' })}>
            {clock.paused ? t('clock.resume') : t('clock.pause')}
          </button>
          <label className="task-clock-rate-pick">
            {t('clock.rate')}
            <select value={clock.rate} disabled={busy} data-testid="clock-rate" onChange={(event) => void change({ action: 'rate', rate: Number(event.target.value) })}>
              {rateChoices(clock.rate).map((rate) => (
                <option key={rate} value={rate}>
                  {formatRate(rate)}
                </option>
              ))}
            </select>
          </label>
          <input
            type="number"
            min={0.001}
            step="any"
            className="task-clock-step"
            aria-label={t('clock.stepSeconds')}
            value={stepSeconds}
            onChange={(event) => setStepSeconds(event.target.value)}
          />
          <button type="button" title={t('clock.stepHint')} disabled={busy || !clock.paused} data-testid="clock-step" onClick={() => void change({ action: 'step', ms: Math.round(Number(stepSeconds) * 1000) })}>
            {t('clock.step')}
          </button>
        </>
      )}
      {outcome && (
        <span className={outcome.ok ? 'control-outcome' : 'control-outcome control-failed'} role="status" data-testid="clock-outcome">
          {outcome.text}
        </span>
      )}
    </div>
  );
}

/** The offered rates, with a rate set through the API or the CLI that is none of them. */
function rateChoices(current: number): number[] {
  const presets: number[] = [...CLOCK_RATE_PRESETS];
  return presets.includes(current) ? presets : [...presets, current].sort((a, b) => a - b);
}

function agentList(agents: readonly UnhonouredAgent[]): string {
  return agents.map((agent) => `${agent.nodeId} (${agent.agentLoad})`).join(', ');
}
