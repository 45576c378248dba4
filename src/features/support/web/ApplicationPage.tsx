import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../web/api.ts';
import { FormField } from '../../../web/FormField.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { type PersonListItem, usePersons } from '../../persons/web/index.ts';
import { SUPPORT_POLICIES } from '../rules/policies.ts';
import { type Claim, useCreateClaim } from './support-api.ts';
import './support.css';

const NO_FILTER = { unit: '', village: '', ageBand: '', status: '', priority: '' };
/** Claims by application (rules.md §7): the record-based F0/F1 claims are made from the lists instead. */
const APPLICATION_POLICIES = SUPPORT_POLICIES.filter((p) => p !== 'f0Treatment' && p !== 'f1Quarantine');

/** The residents matching the search (first page), to pick the applicant from. */
function PersonResults({ q, onPick }: { q: string; onPick: (p: PersonListItem) => void }) {
  const { t } = useTranslation();
  const found = usePersons({ ...NO_FILTER, q }, 1);
  const persons = found.data?.persons ?? [];
  if (found.isPending) return <p className="muted">{t('support.apply.searching')}</p>;
  if (persons.length === 0) return <p className="muted">{t('support.apply.noPerson')}</p>;
  return (
    <ul className="rows" aria-label={t('support.apply.results')}>
      {persons.slice(0, 10).map((p) => (
        <li key={p.id} className="row">
          <button type="button" className="link-button" data-testid="apply-pick" onClick={() => onPick(p)}>
            <strong>{p.full_name}</strong> · {p.birth_year}
            {p.village_name && <> · {p.village_name}</>}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * /support/apply — a support application entered by hand at the commune (Resolution 68 claims by application:
 * work stoppage, suspended contract, household business...), phone-first: find the applicant in the registry,
 * choose the policy, the period and (for a lump sum) the amount. The server checks it; its messages appear under
 * the field they name.
 */
export function ApplicationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.apply.title'));
  const [q, setQ] = useState('');
  const [person, setPerson] = useState<PersonListItem | null>(null);
  const [policy, setPolicy] = useState<string>(APPLICATION_POLICIES[0]!);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [saved, setSaved] = useState<Claim | null>(null);
  const create = useCreateClaim();
  const error = isApiError(create.error) ? create.error : null;
  const fieldError = (name: string) => error?.fieldMessage(name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!person) {
      setMissing(t('support.apply.pickFirst'));
      return;
    }
    setMissing(null);
    create.mutate(
      {
        personId: Number(person.id),
        policy,
        from: from || null,
        to: to || null,
        amount: amount ? Number(amount) : null,
        note: note.trim() || null,
      },
      { onSuccess: (claim) => setSaved(claim) },
    );
  };

  if (saved)
    return (
      <section className="apply" data-testid="apply-saved">
        <h1>{t('support.apply.title')}</h1>
        <p role="status">{t('support.apply.saved', { name: person?.full_name ?? '' })}</p>
        <div className="actions">
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              setSaved(null);
              setPerson(null);
              setQ('');
              create.reset();
            }}
          >
            {t('support.apply.another')}
          </button>
          <Link className="btn" to="/support">
            {t('support.apply.back')}
          </Link>
        </div>
      </section>
    );

  return (
    <form className="apply" onSubmit={submit} noValidate>
      <h1>{t('support.apply.title')}</h1>
      <p className="muted">{t('support.apply.hint')}</p>
      {person ? (
        <p data-testid="apply-person">
          <strong>{person.full_name}</strong> · {person.birth_year}{' '}
          <button type="button" className="link-button" onClick={() => setPerson(null)}>
            {t('support.apply.change')}
          </button>
        </p>
      ) : (
        <>
          <FormField
            id="apply-person"
            label={t('support.apply.person')}
            error={missing ?? fieldError('personId')}
          >
            {(aria) => <input {...aria} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
          </FormField>
          {q.trim().length >= 2 && <PersonResults q={q.trim()} onPick={setPerson} />}
        </>
      )}
      <FormField id="apply-policy" label={t('support.apply.policy')} error={fieldError('policy')}>
        {(aria) => (
          <select {...aria} value={policy} onChange={(e) => setPolicy(e.target.value)}>
            {APPLICATION_POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(`support.policies.${p}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="apply-from" label={t('support.apply.from')} error={fieldError('from')}>
        {(aria) => <input {...aria} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </FormField>
      <FormField id="apply-to" label={t('support.apply.to')} error={fieldError('to')}>
        {(aria) => <input {...aria} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
      </FormField>
      <FormField
        id="apply-amount"
        label={t('support.apply.amount')}
        hint={t('support.apply.amountHint')}
        optional={t('support.apply.optional')}
        error={fieldError('amount')}
      >
        {(aria) => (
          <input
            {...aria}
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value.replace(/\D/g, ''))}
          />
        )}
      </FormField>
      <FormField
        id="apply-note"
        label={t('support.apply.note')}
        optional={t('support.apply.optional')}
        error={fieldError('note')}
      >
        {(aria) => <textarea {...aria} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      {error && !error.fields.length && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={create.isPending}>
          {t('support.apply.submit')}
        </button>
        <Link className="btn" to="/support">
          {t('support.apply.back')}
        </Link>
      </div>
    </form>
  );
}
