import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { formatDate, isoDateToText, parseDate } from '../../../web/format.ts';
import { useCurrentUser } from '../../../web/session.ts';
import type { DecisionItem, SignedDecision } from './movement-api.ts';

/**
 * A decision's fields as the committee signs it: number, date (dd/mm/yyyy, today by default), signer and position
 * (the chairman of the user's unit by default). `read()` answers what the form sends, or null after showing
 * why the date is not one.
 */
export function useDecisionFields() {
  const user = useCurrentUser();
  const today = useToday();
  const unit = user.unitName.replace(/^(Xã|Thị trấn|Phường|Huyện)/, (w) => w.toLocaleLowerCase('vi'));
  const [f, setF] = useState({
    number: '',
    date: isoDateToText(today),
    signerName: '',
    signerTitle: `Chủ tịch UBND ${unit}`,
    dateProblem: false,
  });
  return {
    f,
    set: (k: 'number' | 'date' | 'signerName' | 'signerTitle', v: string) => setF({ ...f, [k]: v }),
    read(): SignedDecision | null {
      const day = parseDate(f.date);
      setF({ ...f, dateProblem: !day });
      if (!day) return null;
      return {
        decisionNumber: f.number,
        decisionDate: day,
        signerName: f.signerName,
        signerTitle: f.signerTitle,
      };
    },
  };
}

/** The four fields, each with the server's message for it (the route names the field). */
export function DecisionFields({
  id,
  form,
  error,
}: {
  id: string;
  form: ReturnType<typeof useDecisionFields>;
  error: unknown;
}) {
  const { t } = useTranslation();
  const problem = (field: string) => (isApiError(error) ? error.fieldMessage(field) : undefined);
  const text = (k: 'number' | 'signerName' | 'signerTitle', field: string, placeholder?: string) => (
    <FormField id={`${id}-${k}`} label={t(`movement.signed.${k}`)} error={problem(field)}>
      {(aria) => (
        <input
          {...aria}
          required
          maxLength={k === 'number' ? 60 : 120}
          placeholder={placeholder}
          value={form.f[k]}
          onChange={(e) => form.set(k, e.target.value)}
        />
      )}
    </FormField>
  );
  return (
    <>
      {text('number', 'decisionNumber', '125/QĐ-UBND')}
      <FormField
        id={`${id}-date`}
        label={t('movement.signed.date')}
        error={form.f.dateProblem ? t('movement.badDate') : problem('decisionDate')}
      >
        {(aria) => <DateInput {...aria} required value={form.f.date} onChange={(v) => form.set('date', v)} />}
      </FormField>
      {text('signerName', 'signerName')}
      {text('signerTitle', 'signerTitle')}
    </>
  );
}

/** "Số 125/QĐ-UBND ngày 14/01/2022 · Người ký: Hoàng Văn Thành, Chủ tịch UBND xã …" */
export function DecisionLine({ label, d }: { label: string; d: DecisionItem }) {
  const { t } = useTranslation();
  return (
    <div className="decision-line">
      <strong>{label}:</strong>{' '}
      {t('movement.signed.line', { number: d.decisionNumber, date: formatDate(d.decisionDate) })}
      {d.signerName && ` · ${t('movement.signed.by', { name: d.signerName, title: d.signerTitle ?? '' })}`}
    </div>
  );
}

/**
 * A decision taken on a page, folded under its title: the record's own fields (`children`), the signed
 * decision's, the server's refusal, and the button that sends them.
 */
export function SignedForm({
  id,
  title,
  submit,
  mutation,
  send,
  children,
}: {
  id: string;
  title: string;
  submit: string;
  mutation: { error: unknown; isPending: boolean };
  send: (d: SignedDecision) => void;
  children?: ReactNode;
}) {
  const signed = useDecisionFields();
  return (
    <details>
      <summary>{title}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const d = signed.read();
          if (d) send(d);
        }}
      >
        {children}
        <DecisionFields id={id} form={signed} error={mutation.error} />
        <ErrorNotice error={mutation.error} />
        <button type="submit" className="btn btn-block" disabled={mutation.isPending}>
          {submit}
        </button>
      </form>
    </details>
  );
}
