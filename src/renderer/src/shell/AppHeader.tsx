import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGES } from '../i18n/language';
import { otherTheme, type Theme } from '../theme/theme-preference';

const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = { 'zh-CN': '简体中文', en: 'English' };

export function AppHeader({ theme, onTheme }: { theme: Theme; onTheme: (theme: Theme) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-title">{t('app.name')}</h1>
      <span className="app-section">{t('app.editor')}</span>
      <div className="app-header-tools">
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
