import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../web/format.ts';
import { ScrollArea } from '../../../web/ScrollArea.tsx';
import type { AuditEntry } from './audit-api.ts';

/** "{}" says nothing; other details show as compact JSON. */
function detailsText(details: string): string {
  return details === '{}' || details === '' ? '' : details;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollArea>
      <table className="table audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.user')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.unit')}</th>
            <th scope="col">{t('audit.ip')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row">
              <td className="nowrap" data-label={t('audit.time')}>
                {formatDateTime(entry.at)}
              </td>
              <td data-label={t('audit.user')}>{entry.username ?? '—'}</td>
              <td data-label={t('audit.action')}>
                {i18n.exists(`audit.actions.${entry.action}`)
                  ? t(`audit.actions.${entry.action}`)
                  : entry.action}
              </td>
              <td data-label={t('audit.entity')}>
                {entry.entity}
                {entry.entity_id && <span className="muted"> #{entry.entity_id}</span>}
              </td>
              <td data-label={t('audit.unit')}>{entry.unit_code ?? '—'}</td>
              <td className="nowrap" data-label={t('audit.ip')}>
                {entry.ip ?? '—'}
              </td>
              <td data-label={t('audit.details')} data-empty={detailsText(entry.details) === '' || undefined}>
                <code className="details-json">{detailsText(entry.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
