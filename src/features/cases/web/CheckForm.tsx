import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { CHECK_MEASURE_RANGES, type CheckMeasure } from '../rules/daily-check.ts';
import type { CheckInput } from './cases-api.ts';
import { signLabel, WARNING_SIGN_NUMBERS } from './warning-text.ts';

/** The form's order: what the person reads off the oximeter first, then the rest (rules.md §4.3). */
const MEASURES: CheckMeasure[] = ['spo2', 'pulse', 'respiratoryRate', 'temperature', 'systolic', 'diastolic'];

/**
 * The daily check (the "Phiếu theo dõi sức khỏe"): measures on the phone's number pad, each optional, and the
 * 11 warning signs as boxes to tick. A value out of a living person's range is named before anything is sent.
 */
export function CheckForm({
  idPrefix,
  saving,
  error,
  onSubmit,
}: {
  idPrefix: string;
  saving: boolean;
  error: unknown;
  onSubmit: (check: CheckInput) => void;
}) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Partial<Record<CheckMeasure, string>>>({});
  const [signs, setSigns] = useState<number[]>([]);
  const [problems, setProblems] = useState<Partial<Record<CheckMeasure, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check: CheckInput = { signs };
    const found: typeof problems = {};
    for (const m of MEASURES) {
      const text = values[m]?.trim().replace(',', '.');
      if (!text) continue;
      const n = Number(text);
      const { min, max } = CHECK_MEASURE_RANGES[m];
      if (Number.isFinite(n) && n >= min && n <= max) check[m] = n;
      else found[m] = t('cases.check.outOfRange', { field: t(`cases.check.${m}`), min, max });
    }
    setProblems(found);
    if (Object.keys(found).length === 0) onSubmit(check);
  };
  const serverProblem = (m: CheckMeasure) => (isApiError(error) ? error.fieldMessage(m) : undefined);

  return (
    <form className="check-form" onSubmit={submit} noValidate>
      <fieldset className="plain-fieldset measures">
        <legend>{t('cases.check.measures')}</legend>
        {MEASURES.map((m) => (
          <FormField
            key={m}
            id={`${idPrefix}-${m}`}
            label={t(`cases.check.${m}`)}
            error={problems[m] ?? serverProblem(m)}
          >
            {(aria) => (
              <input
                {...aria}
                data-testid={`check-${m}`}
                inputMode={m === 'temperature' ? 'decimal' : 'numeric'}
                autoComplete="off"
                maxLength={5}
                value={values[m] ?? ''}
                onChange={(e) => setValues({ ...values, [m]: e.target.value })}
              />
            )}
          </FormField>
        ))}
      </fieldset>
      <fieldset className="plain-fieldset signs">
        <legend>{t('cases.check.signs')}</legend>
        {WARNING_SIGN_NUMBERS.map((n) => (
          <label key={n} className="check sign">
            <input
              type="checkbox"
              data-testid={`check-sign-${n}`}
              checked={signs.includes(n)}
              onChange={(e) => setSigns(e.target.checked ? [...signs, n] : signs.filter((s) => s !== n))}
            />
            {signLabel(n, i18n.language)}
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={error} />
      <button type="submit" className="btn btn-primary btn-block" data-testid="check-send" disabled={saving}>
        {saving ? t('app.saving') : t('cases.check.send')}
      </button>
    </form>
  );
}
