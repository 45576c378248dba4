import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../web/format.ts';
import { QueryList } from '../../../web/QueryList.tsx';
import { type Escalation, useEscalations, useHandleEscalation } from './cases-api.ts';
import { PhoneLink } from './PhoneLink.tsx';
import { signLabel } from './warning-text.ts';

function EscalationRow({ item, canHandle }: { item: Escalation; canHandle: boolean }) {
  const { t, i18n } = useTranslation();
  const handle = useHandleEscalation();
  const time = formatDateTime(item.actBy);
  const overdue = new Date(item.actBy).getTime() < Date.now();
  return (
    <li className="row escalation" data-testid="escalation" data-id={item.id}>
      <div className="row-main">
        <span className="person-name">{item.fullName}</span>
        <ul className="plain-list escalation-signs">
          {item.warnings.map((n) => (
            <li key={n}>{signLabel(n, i18n.language)}</li>
          ))}
        </ul>
        <p className={overdue ? 'deadline-overdue' : 'row-meta'}>
          {overdue ? t('cases.escalations.overdue', { time }) : t('cases.escalations.deadline', { time })}
          {item.call115 && <strong className="badge call115-badge">{t('cases.escalations.call115')}</strong>}
        </p>
      </div>
      <div className="row-actions">
        <PhoneLink phone={item.phone} />
        {canHandle && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="escalation-handle"
            aria-label={t('cases.escalations.handleFor', { name: item.fullName })}
            disabled={handle.isPending}
            onClick={() => handle.mutate(item.id)}
          >
            {t('cases.escalations.handle')}
          </button>
        )}
      </div>
    </li>
  );
}

/** The open escalations of the unit, the nearest deadline first: the station's red queue (journey 4). */
export function EscalationList({ unit, canHandle }: { unit: string; canHandle: boolean }) {
  const { t } = useTranslation();
  const escalations = useEscalations(unit);
  const open = (escalations.data?.length ?? 0) > 0;
  return (
    <section
      className={open ? 'card escalations escalations-open' : 'card escalations'}
      aria-labelledby="esc-h"
    >
      <h2 id="esc-h">{t('cases.escalations.title')}</h2>
      <QueryList query={escalations} empty={t('cases.escalations.none')}>
        {(e) => <EscalationRow key={e.id} item={e} canHandle={canHandle} />}
      </QueryList>
      {open && <p className="hint">{t('cases.escalations.provisional')}</p>}
    </section>
  );
}
