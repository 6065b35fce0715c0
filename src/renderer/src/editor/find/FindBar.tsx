import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeDisplayName, type WorkflowDefinition } from '../../../../shared/workflow/definition';
import { findNodes } from '../model/find';

/** Finds a node by name or id; Enter or a click selects it and brings it into view. */
export function FindBar({ definition, onPick, onClose }: { definition: WorkflowDefinition; onPick: (nodeId: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = findNodes(definition, query);
  const current = Math.min(active, Math.max(0, matches.length - 1));
  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input
        autoFocus
        type="search"
        value={query}
        placeholder={t('find.placeholder')}
        aria-label={t('find.placeholder')}
        data-testid="find-input"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive(Math.min(current + 1, matches.length - 1));
          else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
          else if (event.key === 'Enter' && matches[current]) onPick(matches[current].nodeId);
          else if (event.key === 'Escape') onClose();
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
      />
      {query.trim() !== '' && (
        <ul className="find-results" role="listbox" aria-label={t('find.results')}>
          {matches.length === 0 && <li className="muted">{t('find.none')}</li>}
          {matches.map((node, index) => (
            <li key={node.nodeId} role="option" aria-selected={index === current}>
              <button type="button" className={index === current ? 'is-active' : ''} onClick={() => onPick(node.nodeId)} data-testid="find-result">
                <span>{nodeDisplayName(node)}</span>
                <code className="muted">{node.nodeId}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
