/// <reference types="vite/client" />
import { apiErrorWordings } from './api-error-wordings';
import { problemWordings } from './problem-wordings';
import { STATUS_LABELS, type StatusLabelLanguage } from '../../../shared/status-labels';
import { ALERT_WORDINGS } from '../../../shared/alerts/alert-wording';

/**
 * Every feature keeps its strings beside its code (`<feature>/locales/<language>.json`, each
 * file owning its own top-level keys); this gathers them into one bundle per language.
 */
const files = import.meta.glob<Record<string, unknown>>('../**/locales/*.json', { eager: true, import: 'default' });

type Bundle = Record<string, unknown>;

function bundleFor(language: string): Bundle {
  const bundle: Bundle = {};
  for (const [path, tree] of Object.entries(files)) {
    if (!path.endsWith(`/locales/${language}.json`)) continue;
    for (const [key, value] of Object.entries(tree)) {
      if (key in bundle) throw new Error(`Translation key "${key}" is defined twice (again in ${path})`);
      bundle[key] = value;
    }
  }
  return bundle;
}

/** English wordings the core shares: error reasons and workflow problems, from their catalogs in src/shared. */
function withSharedWordings(bundle: Bundle): Bundle {
  const apiErrors = (bundle['apiErrors'] ?? {}) as Bundle;
  for (const key of Object.keys(problemWordings())) {
    if (key in bundle) throw new Error(`Translation key "${key}" comes from the shared problem catalog; it must not be in en.json too`);
  }
  return { ...bundle, apiErrors: { ...apiErrors, ...apiErrorWordings() }, ...problemWordings() };
}

/** Status labels from their one catalog, which the report uses too (`monitor.status.<status>`). */
function withStatusLabels(bundle: Bundle, language: StatusLabelLanguage): Bundle {
  const monitor = (bundle['monitor'] ?? {}) as Bundle;
  if ('status' in monitor) throw new Error('monitor.status comes from src/shared/status-labels.ts; it must not be in a locale file too');
  return { ...bundle, monitor: { ...monitor, status: { ...STATUS_LABELS[language] } } };
}

/** Alert wordings in English from the shared catalog the alerts' own messages come from (`alerts.wordings.<kind>`). */
function withAlertWordings(bundle: Bundle): Bundle {
  const alerts = (bundle['alerts'] ?? {}) as Bundle;
  return { ...bundle, alerts: { ...alerts, wordings: { ...ALERT_WORDINGS } } };
}

export const en = withAlertWordings(withStatusLabels(withSharedWordings(bundleFor('en')), 'en'));
export const zhCN = withStatusLabels(bundleFor('zh-CN'), 'zh-CN');
export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;
