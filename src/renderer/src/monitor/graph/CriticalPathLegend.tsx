import { useTranslation } from 'react-i18next';
import type { ForecastModel } from '../forecast/forecast-model';
import './critical-path.css';

/** Says what the marked nodes are, while the forecast has a critical path. */
export function CriticalPathLegend({ model }: { model: ForecastModel | null }) {
  const { t } = useTranslation();
  if (!model || model.critical.size === 0) return null;
  return (
    <p className="graph-critical-legend" data-testid="graph-critical-legend" title={t('forecast.criticalYes')}>
      <span className="graph-critical-swatch" aria-hidden="true" />
      {t('forecast.legendCritical')}
    </p>
  );
}
