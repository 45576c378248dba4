import { useTranslation } from 'react-i18next';

/** The patient's phone as a call button (a health worker calls within the hour: journey 4). */
export function PhoneLink({ phone }: { phone: string | null }) {
  const { t } = useTranslation();
  return phone ? (
    <a
      className="btn btn-small phone-link num"
      href={`tel:${phone}`}
      aria-label={t('persons.call', { phone })}
    >
      {phone}
    </a>
  ) : (
    <span className="muted">{t('persons.noPhone')}</span>
  );
}
