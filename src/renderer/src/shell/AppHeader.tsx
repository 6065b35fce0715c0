import { useTranslation } from 'react-i18next';
import type { ConsoleClient } from '../../../shared/api/contract';
import { AlertCenter } from '../alerts/AlertCenter';
import { changeLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGES } from '../i18n/language';
import { otherTheme, type Theme } from '../theme/theme-preference';
import type { Route } from './route';

type NavScreen = 'editor' | 'tasks' | 'environments' | 'triggers';
const NAV_SCREENS: readonly NavScreen[] = ['editor', 'tasks', 'environments', 'triggers'];
const NAV_LABELS: Record<NavScreen, string> = { editor: 'app.editor', tasks: 'app.tasks', environments: 'environments.nav', triggers: 'triggers.nav' };

const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = { 'zh-CN': '简体中文', en: 'English' };

interface AppHeaderProps {
  theme: Theme;
  onTheme: (theme: Theme) => void;
  screen: Route['screen'];
  onNavigate: (screen: NavScreen) => void;
  client: ConsoleClient;
  onOpenTask: (taskId: string, nodeId: string | null) => void;
  /** A viewer's session: said once in the header, so a disabled control is never a puzzle. */
  readOnly: boolean;
}

export function AppHeader({ theme, onTheme, screen, onNavigate, client, onOpenTask, readOnly }: AppHeaderProps) {
  const { t, i18n } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-title">{t('app.name')}</h1>
      {readOnly && (
        <span className="read-only-badge" data-testid="read-only-badge" title={t('app.readOnlyTip')}>
          {t('app.readOnly')}
        </span>
      )}
      <nav className="app-nav" aria-label={t('app.navigation')}>
        {NAV_SCREENS.map((target) => {
          const current = target === 'tasks' ? screen === 'tasks' || screen === 'task' || screen === 'compare' : screen === target;
          return (
            <button type="button" key={target} data-testid={`nav-${target}`} className={current ? 'app-nav-on' : undefined} aria-current={current ? 'page' : undefined} onClick={() => onNavigate(target)}>
              {t(NAV_LABELS[target])}
            </button>
          );
        })}
      </nav>
      <div className="app-header-tools">
        <AlertCenter client={client} onOpenTask={onOpenTask} />
        <label className="inline-field">
          <span>{t('app.language')}</span>
          <select value={i18n.language} data-testid="language-select" onChange={(event) => isLanguage(event.target.value) && changeLanguage(event.target.value)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="theme-toggle" onClick={() => onTheme(otherTheme(theme))} aria-label={t('app.switchTheme')} title={t('app.switchTheme')}>
          {theme === 'dark' ? `☀ ${t('app.light')}` : `☾ ${t('app.dark')}`}
        </button>
      </div>
    </header>
  );
}
