import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditFilter } from './audit-api.ts';

type Fields = Omit<AuditFilter, 'page'>;

export function AuditFilters({ value, onApply }: { value: Fields; onApply: (fields: Fields) => void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(value);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...fields, username: fields.username.trim(), entity: fields.entity.trim() });
  };
  const clear = () => {
    const empty = { username: '', action: '', entity: '', from: '', to: '' };
    setFields(empty);
    onApply(empty);
  };

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
      <div className="field">
        <label htmlFor="audit-from">{t('audit.from')}</label>
        <input id="audit-from" type="date" value={fields.from} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('audit.to')}</label>
        <input id="audit-to" type="date" value={fields.to} onChange={set('to')} />
      </div>
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
