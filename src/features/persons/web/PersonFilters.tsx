import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { VillageSelect } from '../../../web/components/VillageSelect.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { AGE_BANDS, PERSON_STATUSES, type PersonFilter, PRIORITY_GROUPS } from './persons-api.ts';

type Fields = Omit<PersonFilter, 'q'>;

/** Area (below the user's unit), village (within a commune), age band, status, priority group: applied at once. */
export function PersonFilters({ value, onChange }: { value: Fields; onChange: (fields: Fields) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const unit = useUnit(value.unit || user.unitCode);
  const villages = unit.data?.unit.level === 3 ? unit.data.villages : [];
  const set = (key: keyof Fields) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  const filtered = [value.unit, value.village, value.ageBand, value.status, value.priority].some(Boolean);

  return (
    <form
      className="filters person-filters"
      aria-label={t('persons.filtersLabel')}
      onSubmit={(e) => e.preventDefault()}
    >
      {user.unitLevel < 3 && (
        <UnitPicker
          idPrefix="person-unit"
          rootCode={user.unitCode}
          rootLevel={user.unitLevel}
          value={value.unit}
          emptyLabel={t('persons.allUnits')}
          onChange={(code) => onChange({ ...value, unit: code, village: '' })}
        />
      )}
      <VillageSelect
        id="person-village"
        villages={villages}
        value={value.village}
        onChange={(village) => onChange({ ...value, village })}
      />
      <div className="field">
        <label htmlFor="person-age">{t('persons.ageBand')}</label>
        <select id="person-age" value={value.ageBand} onChange={set('ageBand')}>
          <option value="">{t('persons.allAges')}</option>
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`persons.ageBands.${band}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="person-status">{t('persons.status')}</label>
        <select id="person-status" value={value.status} onChange={set('status')}>
          <option value="">{t('persons.allStatuses')}</option>
          {PERSON_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`persons.statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="person-priority">{t('persons.priority')}</label>
        <select id="person-priority" value={value.priority} onChange={set('priority')}>
          <option value="">{t('persons.allPriorities')}</option>
          {PRIORITY_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`persons.priorities.${group}`)}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={() => onChange({ unit: '', village: '', ageBand: '', status: '', priority: '' })}
          >
            {t('persons.clear')}
          </button>
        </div>
      )}
    </form>
  );
}
