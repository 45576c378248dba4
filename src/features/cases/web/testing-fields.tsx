import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../web/FormField.tsx';
import type { PersonListItem } from '../../persons/web/index.ts';
import { POOL_KINDS, POOL_RESULTS, type PoolKind } from './testing-api.ts';

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

/** The test of a pool or a retest: RT-PCR or rapid antigen. */
export function TestKindField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: PoolKind;
  onChange: (kind: PoolKind) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <FormField id={id} label={label} error={error}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value as PoolKind)}>
          {POOL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`testing.pools.kinds.${k}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/**
 * A worklist whose rows each open their own form, one at a time: which row is open, and what the last save
 * did (shown above the list, since the saved row may leave it).
 */
export function useRowForms() {
  const [open, setOpen] = useState<number | null>(null);
  const [done, setDone] = useState('');
  return {
    open,
    done,
    start(id: number) {
      setOpen(id);
      setDone('');
    },
    saved(text: string) {
      setOpen(null);
      setDone(text);
    },
    cancel: () => setOpen(null),
  };
}

/** A small button opening a row's form. */
export function RowFormButton({
  testId,
  label,
  onClick,
}: {
  testId: string;
  label: string;
  onClick: () => void;
}) {
  return (
    <button type="button" className="btn btn-small" data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );
}

/** What the last save did, announced. */
export function DoneNotice({ text, testId }: { text: string; testId: string }) {
  if (!text) return null;
  return (
    <p className="notice notice-ok" role="status" data-testid={testId}>
      {text}
    </p>
  );
}

/** The residents picked so far (pool members, households' residents), each removable. */
export function PickedPersons({
  title,
  persons,
  onRemove,
  testId,
}: {
  title: string;
  persons: readonly PersonListItem[];
  onRemove: (person: PersonListItem) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="field-label">{title}</p>
      <ul className="rows" aria-label={title}>
        {persons.map((p) => (
          <li key={p.id} className="row" data-testid={testId}>
            <span className="row-main">
              <strong>{p.full_name}</strong> · {t('cases.person.born', { year: p.birth_year })}
            </span>
            <button
              type="button"
              className="btn btn-small"
              aria-label={t('testing.pools.remove', { name: p.full_name })}
              onClick={() => onRemove(p)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
