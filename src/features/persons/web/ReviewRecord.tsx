import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { birthText } from './person-format.ts';
import type { ReviewPerson } from './persons-api.ts';

/** One side of a likely-duplicate pair; a value that differs from the other side is highlighted. */
export function ReviewRecord({
  title,
  person,
  other,
  villageName,
}: {
  title: string;
  person: ReviewPerson;
  other: ReviewPerson;
  villageName: (id: number | null) => string;
}) {
  const { t } = useTranslation();
  const fields: [string, string, string][] = [
    [t('persons.fields.fullName'), person.full_name, other.full_name],
    [t('persons.fields.birthDate'), birthText(person), birthText(other)],
    [
      t('persons.fields.sex'),
      person.sex ? t(`persons.sexes.${person.sex}`) : '—',
      other.sex ? t(`persons.sexes.${other.sex}`) : '—',
    ],
    [t('persons.fields.nationalId'), person.national_id ?? '—', other.national_id ?? '—'],
    [t('persons.fields.phone'), person.phone ?? '—', other.phone ?? '—'],
    [t('persons.fields.village'), villageName(person.village_id), villageName(other.village_id)],
  ];
  return (
    <div className="review-record">
      <h3>
        <Link to={`/persons/${person.id}`}>{title}</Link>
      </h3>
      <dl>
        {fields.map(([label, value, otherValue]) => (
          <div key={label} className={value !== otherValue ? 'differs' : undefined}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
