import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamDay } from '../../../core/dates.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { parseDate } from '../../../web/format.ts';
import { deferralEndsBeforeContact } from '../rules/contact-outcomes.ts';
import {
  CONTACT_OUTCOMES,
  type ContactOutcome,
  REASON_REQUIRED,
  useRecordOutcome,
} from './vaccination-api.ts';

/**
 * What the contact gave, recorded in place on the worklist (journey 3, the team's evening): the outcome, the
 * reason when one is needed (deferred: pregnant; contraindicated: which), a deferral's end when known.
 */
export function OutcomeForm({
  personId,
  idPrefix,
  onDone,
}: {
  personId: number;
  idPrefix: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordOutcome();
  const [outcome, setOutcome] = useState<ContactOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState('');
  const needsReason = outcome !== '' && REASON_REQUIRED.has(outcome);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return setProblem(t('vaccination.worklist.chooseOutcome'));
    if (needsReason && !reason.trim()) return setProblem(t('vaccination.worklist.reasonNeeded'));
    const untilIso = outcome === 'deferred' && until.trim() ? parseDate(until) : null;
    if (outcome === 'deferred' && until.trim() && !untilIso)
      return setProblem(t('vaccination.worklist.badDate'));
    // The contact is recorded today (Vietnam's day), as the server does.
    if (deferralEndsBeforeContact(untilIso, vietnamDay(new Date())))
      return setProblem(t('vaccination.worklist.untilPast'));
    setProblem('');
    record.mutate(
      { personId, outcome, reason: reason.trim() || null, until: untilIso },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="inline-form outcome-form" onSubmit={submit} data-testid="outcome-form">
      {/* One tap per answer (a select takes two on a phone). */}
      <fieldset className="plain-fieldset outcome-choices" data-testid="outcome-choices">
        <legend>{t('vaccination.worklist.outcome')}</legend>
        {CONTACT_OUTCOMES.map((o) => (
          <label key={o} className="outcome-choice">
            <input
              type="radio"
              name={`${idPrefix}-outcome`}
              value={o}
              data-testid={`outcome-${o}`}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`vaccination.outcomes.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome !== '' && (
        <div className="field">
          <label htmlFor={`${idPrefix}-reason`}>
            {needsReason ? t('vaccination.worklist.reason') : t('vaccination.worklist.remark')}
            {!needsReason && <span className="optional"> ({t('app.optional')})</span>}
          </label>
          <input
            id={`${idPrefix}-reason`}
            data-testid="outcome-reason"
            value={reason}
            maxLength={500}
            placeholder={
              outcome === 'deferred'
                ? t('vaccination.worklist.deferredExample')
                : outcome === 'moved'
                  ? t('vaccination.worklist.movedExample')
                  : ''
            }
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      )}
      {outcome === 'deferred' && (
        <div className="field">
          <label htmlFor={`${idPrefix}-until`}>
            {t('vaccination.worklist.deferredUntil')} <span className="optional">({t('app.optional')})</span>
          </label>
          <DateInput id={`${idPrefix}-until`} value={until} onChange={setUntil} />
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNotice error={record.error} />
      <FormActions label={t('app.save')} saving={record.isPending} testId="outcome-save" onCancel={onDone} />
    </form>
  );
}
