import { useTranslation } from 'react-i18next';

/** A row's small red Delete button; `busy` while a deletion is on its way. */
export function DeleteButton({ busy, onClick }: { busy: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={onClick}>
      {t('app.delete')}
    </button>
  );
}
