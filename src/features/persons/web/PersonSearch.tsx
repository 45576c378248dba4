import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Tìm theo tên, CCCD hoặc SĐT": the server ignores diacritics and case ("nguyen van an" finds
 * "Nguyễn Văn An") and takes digits as the start of an ID or a phone number. Searches on submit only:
 * on a slow link a search per keystroke would queue up.
 */
export function PersonSearch({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <search className="person-search">
      <label htmlFor="person-search-input" className="field-label">
        {t('persons.searchLabel')}
      </label>
      <form onSubmit={submit} className="search-form">
        <input
          id="person-search-input"
          data-testid="person-search"
          type="search"
          placeholder={t('persons.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={100}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          {t('persons.searchButton')}
        </button>
      </form>
    </search>
  );
}
