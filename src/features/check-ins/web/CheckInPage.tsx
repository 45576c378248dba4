import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { formatDateTime } from '../../../web/format.ts';
import { LanguageSwitch } from '../../../web/LanguageSwitch.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useCheckIn, useCheckInVenue } from './check-ins-api.ts';
import './check-ins.css';

/**
 * /check-in/:token — opened by a venue's QR, no account: name, phone, year of birth (and the CCCD if the person
 * wants), one tap. It shows the venue and the time of the check-in, nothing else.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const venue = useCheckInVenue(token);
  const send = useCheckIn(token);
  const [form, setForm] = useState({ fullName: '', phone: '', birthYear: '', nationalId: '' });
  useDocumentTitle(t('checkIns.public.title'));
  const fieldError = (field: string) =>
    isApiError(send.error) ? send.error.fields?.find((f) => f.field === field)?.message : undefined;
  const input =
    (field: keyof typeof form, type = 'text', inputMode?: 'numeric' | 'tel') =>
    (aria: Parameters<Parameters<typeof FormField>[0]['children']>[0]) => (
      <input
        {...aria}
        type={type}
        inputMode={inputMode}
        required={field !== 'nationalId'}
        value={form[field]}
        onChange={(e) => setForm({ ...form, [field]: e.target.value })}
      />
    );
  return (
    <main className="page check-in-page">
      <div className="check-in-head">
        <h1>{t('checkIns.public.title')}</h1>
        <LanguageSwitch />
      </div>
      {venue.isPending && <Loading />}
      <ErrorNotice error={venue.error} />
      {venue.data && (
        <>
          <p className="muted">{t('checkIns.public.at')}</p>
          <p className="check-in-venue" data-testid="check-in-venue">
            {venue.data.name}
          </p>
          {send.data ? (
            <>
              <p className="notice notice-success" role="status" data-testid="check-in-done">
                {t('checkIns.public.done', { venue: send.data.venue, time: formatDateTime(send.data.at) })}
              </p>
              <button
                type="button"
                className="btn btn-block"
                onClick={() => {
                  send.reset();
                  setForm({ fullName: '', phone: '', birthYear: '', nationalId: '' });
                }}
              >
                {t('checkIns.public.again')}
              </button>
            </>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                send.mutate({
                  fullName: form.fullName,
                  phone: form.phone,
                  birthYear: Number(form.birthYear),
                  nationalId: form.nationalId || null,
                });
              }}
            >
              <FormField id="ci-name" label={t('checkIns.public.fullName')} error={fieldError('fullName')}>
                {input('fullName')}
              </FormField>
              <FormField id="ci-phone" label={t('checkIns.public.phone')} error={fieldError('phone')}>
                {input('phone', 'tel', 'tel')}
              </FormField>
              <FormField id="ci-birth" label={t('checkIns.public.birthYear')} error={fieldError('birthYear')}>
                {input('birthYear', 'text', 'numeric')}
              </FormField>
              <FormField
                id="ci-id"
                label={t('checkIns.public.nationalId')}
                optional={t('checkIns.public.optional')}
                error={fieldError('nationalId')}
              >
                {input('nationalId', 'text', 'numeric')}
              </FormField>
              <ErrorNotice error={send.error} />
              <button
                type="submit"
                className="btn btn-block"
                disabled={send.isPending}
                data-testid="check-in-submit"
              >
                {t('checkIns.public.submit')}
              </button>
              <p className="hint">{t('checkIns.public.privacy')}</p>
            </form>
          )}
        </>
      )}
    </main>
  );
}
