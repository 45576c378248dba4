import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { parseDate } from '../../../web/format.ts';
import { LanguageSwitch } from '../../../web/LanguageSwitch.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { VACCINATION_STATES } from '../rules/arrival-rules.ts';
import { useDeclare } from './movement-api.ts';
import './movement.css';

/**
 * /khai-bao — the public arrival declaration, no account: who, from which commune (GSO code), when, vaccination
 * and test, where staying. The answer is "received", nothing more.
 */
export function DeclarePage() {
  const { t } = useTranslation();
  const send = useDeclare();
  const [f, setF] = useState({
    fullName: '',
    nationalId: '',
    phone: '',
    originCode: '',
    arrivalDate: '',
    vaccination: 'full',
    communeCode: '',
    address: '',
  });
  const [dateError, setDateError] = useState(false);
  useDocumentTitle(t('movement.declare.title'));
  const field = (k: keyof typeof f) => ({
    id: `declare-${k}`,
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }),
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const arrivalDate = parseDate(f.arrivalDate);
    setDateError(!arrivalDate);
    if (!arrivalDate) return;
    send.mutate({
      fullName: f.fullName,
      nationalId: f.nationalId || null,
      phone: f.phone || null,
      originCode: f.originCode.trim(),
      arrivalDate,
      vaccination: f.vaccination,
      stay: { communeCode: f.communeCode.trim(), address: f.address || null },
    });
  };
  return (
    <main className="page declare-page">
      <div className="check-page-head">
        <h1>{t('movement.declare.title')}</h1>
        <LanguageSwitch />
      </div>
      {send.data ? (
        <div className="notice notice-success" role="status">
          {t('movement.declare.received')}
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <label htmlFor="declare-fullName">{t('movement.declare.fullName')}</label>
          <input required autoComplete="name" {...field('fullName')} />
          <label htmlFor="declare-nationalId">{t('movement.declare.nationalId')}</label>
          <input inputMode="numeric" {...field('nationalId')} />
          <label htmlFor="declare-phone">{t('movement.declare.phone')}</label>
          <input inputMode="tel" autoComplete="tel" {...field('phone')} />
          <label htmlFor="declare-originCode">{t('movement.declare.origin')}</label>
          <input required inputMode="numeric" {...field('originCode')} />
          <label htmlFor="declare-arrivalDate">{t('movement.declare.arrivalDate')}</label>
          <DateInput
            id="declare-arrivalDate"
            required
            aria-invalid={dateError}
            value={f.arrivalDate}
            onChange={(v) => setF({ ...f, arrivalDate: v })}
          />
          {dateError && <p className="field-error">{t('movement.badDate')}</p>}
          <label htmlFor="declare-vaccination">{t('movement.declare.vaccination')}</label>
          <select {...field('vaccination')}>
            {VACCINATION_STATES.map((v) => (
              <option key={v} value={v}>
                {t(`movement.vaccination.${v}`)}
              </option>
            ))}
          </select>
          <label htmlFor="declare-communeCode">{t('movement.declare.stayCommune')}</label>
          <input required inputMode="numeric" {...field('communeCode')} />
          <label htmlFor="declare-address">{t('movement.declare.address')}</label>
          <input {...field('address')} />
          <ErrorNotice error={send.error} />
          <button type="submit" className="btn btn-primary btn-block" disabled={send.isPending}>
            {t('movement.declare.send')}
          </button>
        </form>
      )}
    </main>
  );
}
