import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText, parseDate } from '../../../web/format.ts';
import { AUDIT_ACTIONS, type AuditFilter } from './audit-api.ts';

type Fields = Omit<AuditFilter, 'page'>;

/** The form keeps dates as typed (dd/mm/yyyy); the filter it applies holds them as yyyy-mm-dd. */
export function AuditFilters({ value, onApply }: { value: Fields; onApply: (fields: Fields) => void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState({
    ...value,
    from: isoDateToText(value.from),
    to: isoDateToText(value.to),
  });
  const [badDates, setBadDates] = useState<{ from?: boolean; to?: boolean }>({});
  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = fields.from.trim() ? parseDate(fields.from) : '';
    const to = fields.to.trim() ? parseDate(fields.to) : '';
    setBadDates({ from: from === null, to: to === null });
    if (from === null || to === null) return;
    onApply({ ...fields, username: fields.username.trim(), entity: fields.entity.trim(), from, to });
  };
  const clear = () => {
    const empty = { username: '', action: '', entity: '', from: '', to: '' };
    setFields(empty);
    setBadDates({});
    onApply(empty);
  };

  const dateField = (key: 'from' | 'to') => (
    <FormField
      id={`audit-${key}`}
      label={t(`audit.${key}`)}
      error={badDates[key] ? t('audit.badDate') : undefined}
    >
      {(aria) => (
        <input
          {...aria}
          inputMode="numeric"
          placeholder={t('audit.datePlaceholder')}
          maxLength={10}
          value={fields[key]}
          onChange={set(key)}
        />
      )}
    </FormField>
  );

  return (
    <form className="filters" onSubmit={submit}>
      <div className="field">
        <label htmlFor="audit-username">{t('audit.username')}</label>
        <input
          id="audit-username"
          autoCapitalize="none"
          spellCheck={false}
          value={fields.username}
          onChange={set('username')}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <select id="audit-action" value={fields.action} onChange={set('action')}>
          <option value="">{t('audit.allActions')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`audit.actions.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-entity">{t('audit.entity')}</label>
        <input id="audit-entity" spellCheck={false} value={fields.entity} onChange={set('entity')} />
      </div>
      {dateField('from')}
      {dateField('to')}
      <div className="actions">
        <button type="submit" className="btn btn-primary">
          {t('audit.filter')}
        </button>
        <button type="button" className="btn" onClick={clear}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
