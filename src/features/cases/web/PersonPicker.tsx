import type { UseQueryResult } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryList } from '../../../web/QueryList.tsx';
import { type PersonListItem, usePersons } from '../../persons/web/index.ts';

const NO_FILTER = { unit: '', village: '', ageBand: '', status: '', priority: '' };

/** "Nguyễn Văn An · sinh 1990 · Thôn Nà Hoa" */
function PersonLine({ person }: { person: PersonListItem }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{person.full_name}</strong> · {t('cases.person.born', { year: person.birth_year })}
      {person.village_name && <> · {person.village_name}</>}
    </>
  );
}

/** The first page of residents matching the search; a single match is chosen at once (one tap less). */
function Results({ q, onPick }: { q: string; onPick: (p: PersonListItem) => void }) {
  const { t } = useTranslation();
  const found = usePersons({ ...NO_FILTER, q }, 1);
  const persons = found.data?.persons;
  const list = { ...found, data: persons } as UseQueryResult<PersonListItem[]>;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new answer picks; a new onPick does not
  useEffect(() => {
    if (persons?.length === 1) onPick(persons[0]!);
  }, [persons]);
  return (
    <section aria-label={t('cases.person.results')} className="person-results">
      <QueryList query={list} empty={t('cases.person.none')}>
        {(p) => (
          <li key={p.id} className="row">
            <button type="button" className="link-button" data-testid="person-pick" onClick={() => onPick(p)}>
              <PersonLine person={p} />
            </button>
          </li>
        )}
      </QueryList>
    </section>
  );
}

/**
 * Finds a registered resident by name (diacritics optional) or national ID, inside another form: the search is
 * a field and a button, not a nested form; Enter in the field searches rather than sending the outer form.
 */
export function PersonPicker({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: PersonListItem | null;
  onChange: (person: PersonListItem | null) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const search = () => setQ(text.trim());
  const enter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    search();
  };
  if (value)
    return (
      <div className="field picked-person">
        <span className="field-label">{label}</span>
        <p data-testid="picked-person">
          <PersonLine person={value} />
        </p>
        <button type="button" className="btn btn-small" onClick={() => onChange(null)}>
          {t('cases.person.change')}
        </button>
      </div>
    );
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}: {t('cases.person.search')}
      </label>
      <div className="search-form">
        <input
          id={id}
          type="search"
          data-testid="person-search"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={enter}
        />
        <button type="button" className="btn" data-testid="person-search-button" onClick={search}>
          {t('cases.person.searchButton')}
        </button>
      </div>
      {q && <Results q={q} onPick={onChange} />}
    </div>
  );
}
