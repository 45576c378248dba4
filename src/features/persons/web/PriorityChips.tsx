import { useTranslation } from 'react-i18next';
import { priorityGroupsOf } from './person-format.ts';

/** The priority groups of a person as chips; nothing when there are none. */
export function PriorityChips({ groups }: { groups: string | null }) {
  const { t } = useTranslation();
  const list = priorityGroupsOf(groups);
  if (list.length === 0) return null;
  return (
    <ul className="chips">
      {list.map((g) => (
        <li key={g} className="chip">
          {t(`persons.priorities.${g}`)}
        </li>
      ))}
    </ul>
  );
}
