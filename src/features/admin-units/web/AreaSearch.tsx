import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { useUnitSearch } from './units-api.ts';

/** "Tìm địa bàn": the server matches names without diacritics ("yen thinh" finds "Yên Thịnh"). */
export function AreaSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const search = useUnitSearch(submitted);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(text.trim());
  };
  const close = () => {
    setSubmitted('');
    setText('');
  };

  return (
    <search className="area-search">
      <form onSubmit={submit} className="search-form">
        <label htmlFor="area-search-input" className="visually-hidden">
          {t('area.searchLabel')}
        </label>
        <input
          id="area-search-input"
          type="search"
          placeholder={`${t('area.searchLabel')} — ${t('area.searchPlaceholder')}`}
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn">
          {t('area.searchButton')}
        </button>
      </form>
      {submitted && (
        <div className="search-results" aria-live="polite">
          {search.isPending && <Loading />}
          {search.isError && <ErrorNotice error={search.error} />}
          {search.data?.length === 0 && <p>{t('area.searchNone')}</p>}
          {search.data && search.data.length > 0 && (
            <ul aria-label={t('area.searchResults')}>
              {search.data.map((unit) => (
                <li key={unit.code}>
                  <Link to={`/areas/${unit.code}`} onClick={close}>
                    {unit.nameWithType}
                  </Link>{' '}
                  <span className="muted">{unit.code}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </search>
  );
}
