import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { useCurrentUser } from '../../../web/session.ts';

/** The unit a list page shows (?unit=, else the user's) and its picker for users above a commune. */
export function useListUnit() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const picker =
    user.unitLevel < 3 ? (
      <UnitFilter
        unit={unit}
        onChange={(code) =>
          setParams(code && code !== user.unitCode ? { unit: code } : {}, { replace: true })
        }
      />
    ) : null;
  return { unit, picker };
}

function UnitFilter({ unit, onChange }: { unit: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()}>
      <UnitPicker
        idPrefix="chains-list-unit"
        rootCode={user.unitCode}
        rootLevel={user.unitLevel}
        value={unit}
        emptyLabel={t('chains.chooseUnit')}
        onChange={onChange}
      />
    </form>
  );
}
