import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateToText, parseDate } from '../../../web/format.ts';

/**
 * A dd/mm/yyyy field's text, starting at a day (today), and what the form sends: the ISO day, or null with
 * the field's problem shown.
 */
export function useDateField(initial: string) {
  const { t } = useTranslation();
  const [text, setText] = useState(isoDateToText(initial));
  const [problem, setProblem] = useState('');
  return {
    text,
    setText,
    problem,
    /** The ISO day, or null after showing why not. */
    read(): string | null {
      const iso = parseDate(text);
      setProblem(iso ? '' : t('cases.badDate'));
      return iso;
    },
  };
}
