import { useTranslation } from 'react-i18next';
import { POOL_RESULTS } from './testing-api.ts';

type Result = (typeof POOL_RESULTS)[number];

/** Negative or positive, no default (a wrong tap on "save" must not write a result nobody chose). */
export function ResultChoice({
  name,
  value,
  onChange,
  error,
}: {
  name: string;
  value: Result | null;
  onChange: (result: Result) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain-fieldset">
      <legend>{t('testing.pools.result')}</legend>
      {POOL_RESULTS.map((r) => (
        <label key={r} className="choice">
          <input
            type="radio"
            name={name}
            value={r}
            data-testid={`${name}-${r}`}
            checked={value === r}
            onChange={() => onChange(r)}
          />
          {t(`testing.pools.results.${r}`)}
        </label>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
