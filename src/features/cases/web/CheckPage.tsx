import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { LanguageSwitch } from '../../../web/LanguageSwitch.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { CheckForm } from './CheckForm.tsx';
import { CheckResultView } from './CheckResultView.tsx';
import { useLinkCheck, useLinkForm } from './cases-api.ts';
import './cases.css';

/**
 * /theo-doi/:token — the patient's own form, no account (the link is the key): greeted by given name only, the
 * day's checks, then what the check raised and, at a serious sign, "call 115".
 */
export function CheckPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const form = useLinkForm(token);
  const send = useLinkCheck(token);
  useDocumentTitle(t('cases.check.title'));
  return (
    <main className="page check-page">
      <div className="check-page-head">
        <h1>{form.data ? t('cases.public.hello', { name: form.data.givenName }) : t('cases.check.title')}</h1>
        <LanguageSwitch />
      </div>
      {form.isPending && <Loading />}
      <ErrorNotice error={form.error} />
      {form.data && (
        <>
          <p className="muted">
            {t('cases.public.today', { n: form.data.checksToday, of: form.data.checksPerDay })}
          </p>
          {send.data ? (
            <>
              <CheckResultView result={send.data} />
              <button type="button" className="btn btn-block" onClick={() => send.reset()}>
                {t('cases.public.another')}
              </button>
            </>
          ) : (
            <CheckForm
              idPrefix="self-check"
              saving={send.isPending}
              error={send.error}
              onSubmit={(check) => send.mutate(check)}
            />
          )}
        </>
      )}
    </main>
  );
}
