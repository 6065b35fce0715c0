import { useTranslation } from 'react-i18next';
import { AGENT_WORDS_LABEL, wordReason } from '../../../shared/task/reason-wordings';
import { isLanguage } from './language';

interface ReasonTextProps {
  /** The stored English text (a task summary, a node's reason, a transition's reason). */
  text: string;
  /** The node's error code, which words an Engine's or agent's message no template made. */
  code?: string | null;
  className?: string;
}

/**
 * A reason the core stored in English, in the window's language: worded from the template that
 * made it, or from its error code; an Engine's or agent's own words are shown as they are,
 * labelled as theirs (and marked verbatim: they are not the window's to translate).
 */
export function ReasonText({ text, code = null, className }: ReasonTextProps) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const worded = wordReason(language, text, code, (status) => t(`monitor.status.${status}`, { defaultValue: status }));
  if (worded.agentWords === null) return <span className={className}>{worded.text}</span>;
  return (
    <span className={className}>
      {worded.text !== null && `${worded.text} · `}
      {AGENT_WORDS_LABEL[language]}：<q data-verbatim="">{worded.agentWords}</q>
    </span>
  );
}

/** The same, as plain text (for titles and notifications). */
export function useReasonWords(): (text: string, code?: string | null) => string {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  return (text, code = null) => {
    const worded = wordReason(language, text, code, (status) => t(`monitor.status.${status}`, { defaultValue: status }));
    if (worded.agentWords === null) return worded.text ?? '';
    return `${worded.text === null ? '' : `${worded.text} · `}${AGENT_WORDS_LABEL[language]}：“${worded.agentWords}”`;
  };
}
