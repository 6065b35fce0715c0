import { useTranslation } from 'react-i18next';
import { errorMessage, type Failure } from './error-message';

interface LoadFailedProps {
  /** Nothing is shown while there is none. */
  failure: Failure | null;
  /** The translation key; its `{{error}}` takes the failure's message. */
  message: string;
  className?: string;
}

/** Why what a view shows could not be read, as an alert. */
export function LoadFailed({ failure, message, className = 'error-banner' }: LoadFailedProps) {
  const { t } = useTranslation();
  if (!failure) return null;
  return (
    <p role="alert" className={className}>
      {t(message, { error: errorMessage(t, failure.error) })}
    </p>
  );
}
