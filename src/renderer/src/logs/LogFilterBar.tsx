import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_CATEGORIES, LOG_LEVELS, LOG_TYPES } from '../../../shared/status';
import type { TaskNodes } from '../task-panels/task-panel';
import { fromTimeInput, toTimeInput } from './model/format';
import { activeFilterCount, NO_FILTERS, toggled, type LogFilters } from './model/log-filters';

/** Typing settles this long before the search or source filter is sent. */
const DEBOUNCE_MS = 300;

interface LogFilterBarProps {
  filters: LogFilters;
  onChange: (filters: LogFilters) => void;
  nodes: TaskNodes;
}

/** Text that is sent once the user pauses typing. */
function useDebouncedText(value: string, commit: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    setSynced(value);
    setText(value);
  }
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => commitRef.current(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  return [text, setText];
}

function TimeField({ label, value, onChange }: { label: string; value: number | null; onChange: (time: number | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(toTimeInput(value));
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    setSynced(value);
    setText(toTimeInput(value));
  }
  const parsed = fromTimeInput(text);
  return (
    <label className="log-filter log-filter--time">
      <span>{label}</span>
      <input
        type="text"
        inputMode="numeric"
        spellCheck={false}
        placeholder={t('logs.filters.timeHint')}
        value={text}
        aria-invalid={parsed === 'invalid'}
        title={parsed === 'invalid' ? t('logs.problems.badTime') : undefined}
        onChange={(event) => {
          setText(event.target.value);
          const next = fromTimeInput(event.target.value);
          if (next !== 'invalid') onChange(next);
        }}
      />
    </label>
  );
}

/** The filter bar: node (with nested nodes), levels, types and categories as chips, source, time range, search. */
export const LogFilterBar = memo(function LogFilterBar({ filters, onChange, nodes }: LogFilterBarProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useDebouncedText(filters.search, (text) => onChange({ ...filters, search: text }));
  const [source, setSource] = useDebouncedText(filters.source, (text) => onChange({ ...filters, source: text }));
  const nodeOptions = useMemo(
    () =>
      nodes.order.map((nodeId) => {
        const node = nodes.byId.get(nodeId);
        const indent = '\u00a0\u00a0'.repeat(Math.min(node?.level ?? 0, 12));
        return (
          <option key={nodeId} value={nodeId} data-verbatim="">
            {indent}
            {node?.name ? `${nodeId} — ${node.name}` : nodeId}
          </option>
        );
      }),
    // Names and nesting change only with the hierarchy, which keeps its order array while only
    // statuses move: rebuilding thousands of options on every status change would stall typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nodes.order],
  );
  const missingNode = filters.nodeId !== null && !nodes.byId.has(filters.nodeId);

  return (
    <div className="log-filters" role="search">
      <div className="log-filters__row">
        <label className="log-filter log-filter--search">
          <span className="log-visually-hidden">{t('logs.filters.search')}</span>
          <input
            type="search"
            value={search}
            placeholder={t('logs.filters.searchPlaceholder')}
            maxLength={500}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onChange({ ...filters, search });
            }}
          />
        </label>
        <label className="log-filter">
          <span>{t('logs.filters.node')}</span>
          <select value={filters.nodeId ?? ''} onChange={(event) => onChange({ ...filters, nodeId: event.target.value === '' ? null : event.target.value })}>
            <option value="">{t('logs.filters.allNodes')}</option>
            {missingNode ? <option value={filters.nodeId!} data-verbatim="">
                {filters.nodeId}
              </option> : null}
            {nodeOptions}
          </select>
        </label>
        <label className="log-filter log-filter--check">
          <input type="checkbox" checked={filters.subtree} disabled={filters.nodeId === null} onChange={(event) => onChange({ ...filters, subtree: event.target.checked })} />
          <span>{t('logs.filters.subtree')}</span>
        </label>
        <label className="log-filter">
          <span>{t('logs.filters.source')}</span>
          <input type="text" className="log-filter__source" value={source} maxLength={200} placeholder={t('logs.filters.anySource')} onChange={(event) => setSource(event.target.value)} />
        </label>
      </div>
      <div className="log-filters__row">
        <div className="log-chips" role="group" aria-label={t('logs.filters.levels')}>
          {LOG_LEVELS.map((level) => (
            <button
              key={level}
              type="button"
              className={`log-chip log-chip--${level}`}
              aria-pressed={filters.levels.includes(level)}
              onClick={() => onChange({ ...filters, levels: toggled(filters.levels, level, LOG_LEVELS) })}
            >
              {t(`logs.level.${level}`)}
            </button>
          ))}
        </div>
        <div className="log-chips" role="group" aria-label={t('logs.filters.types')}>
          {LOG_TYPES.map((type) => (
            <button key={type} type="button" className="log-chip" aria-pressed={filters.types.includes(type)} onClick={() => onChange({ ...filters, types: toggled(filters.types, type, LOG_TYPES) })}>
              {t(`logs.type.${type}`)}
            </button>
          ))}
        </div>
        <div className="log-chips" role="group" aria-label={t('logs.filters.categories')}>
          {LOG_CATEGORIES.map((category) => (
            <button
              key={category}
              type="button"
              className="log-chip"
              aria-pressed={filters.categories.includes(category)}
              onClick={() => onChange({ ...filters, categories: toggled(filters.categories, category, LOG_CATEGORIES) })}
            >
              {t(`logs.category.${category}`)}
            </button>
          ))}
        </div>
        <TimeField label={t('logs.filters.from')} value={filters.from} onChange={(from) => onChange({ ...filters, from })} />
        <TimeField label={t('logs.filters.to')} value={filters.to} onChange={(to) => onChange({ ...filters, to })} />
        {activeFilterCount(filters) > 0 ? (
          <button type="button" className="log-button log-button--quiet" onClick={() => onChange({ ...NO_FILTERS, subtree: filters.subtree })}>
            {t('logs.filters.clear', { count: activeFilterCount(filters) })}
          </button>
        ) : null}
      </div>
    </div>
  );
});
