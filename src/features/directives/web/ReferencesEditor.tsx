import { useTranslation } from 'react-i18next';
import { DraftField } from './DraftField.tsx';
import { REFERENCE_KINDS, REFERENCE_RELATIONS } from './directives-api.ts';
import { type DraftProblems, type DraftReference, emptyReference } from './document-draft.ts';

interface Props {
  references: DraftReference[];
  problems: DraftProblems;
  onChange: (references: DraftReference[]) => void;
}

/**
 * The documents the letter cites: those it answers ("Thực hiện Công văn số 2043/UBND-KGVX …", what links it
 * to its superior), its legal basis ("Căn cứ …") and those its items mention.
 */
export function ReferencesEditor({ references, problems, onChange }: Props) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<DraftReference>) =>
    onChange(references.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="plain-fieldset review-group">
      <legend className="field-label">{t('directives.new.fields.references')}</legend>
      {references.length === 0 && <p className="hint">{t('directives.new.reference.none')}</p>}
      <ul className="rows">
        {references.map((r) => {
          const id = (field: string) => `reference-${r.key}-${field}`;
          const dateProblem = problems[id('date')];
          return (
            <li key={r.key} className="reference-editor">
              {r.text && <p className="reference-text">{r.text}</p>}
              <div className="field-grid">
                <div className="field">
                  <label htmlFor={id('kind')}>{t('directives.new.reference.kind')}</label>
                  <select
                    id={id('kind')}
                    value={r.kind}
                    onChange={(e) => update(r.key, { kind: e.target.value as DraftReference['kind'] })}
                  >
                    {REFERENCE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`directives.referenceKinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={id('relation')}>{t('directives.new.reference.relation')}</label>
                  <select
                    id={id('relation')}
                    value={r.relation}
                    onChange={(e) =>
                      update(r.key, { relation: e.target.value as DraftReference['relation'] })
                    }
                  >
                    {REFERENCE_RELATIONS.map((k) => (
                      <option key={k} value={k}>
                        {t(`directives.referenceRelations.${k}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <DraftField
                  id={id('number')}
                  label={t('directives.new.fields.number')}
                  maxLength={20}
                  value={r.number}
                  onChange={(number) => update(r.key, { number })}
                />
                <DraftField
                  id={id('symbol')}
                  label={t('directives.new.fields.symbol')}
                  maxLength={60}
                  value={r.symbol}
                  onChange={(symbol) => update(r.key, { symbol })}
                />
                <DraftField
                  id={id('date')}
                  label={t('directives.new.fields.date')}
                  placeholder="dd/mm/yyyy"
                  inputMode="numeric"
                  error={dateProblem ? t(`directives.new.problems.${dateProblem}`) : undefined}
                  value={r.date}
                  onChange={(date) => update(r.key, { date })}
                />
              </div>
              <DraftField
                id={id('issuer')}
                label={t('directives.new.fields.issuer')}
                value={r.issuer}
                onChange={(issuer) => update(r.key, { issuer })}
              />
              <button
                type="button"
                className="btn btn-small btn-danger"
                onClick={() => onChange(references.filter((x) => x.key !== r.key))}
              >
                {t('directives.new.reference.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange([...references, emptyReference()])}
      >
        {t('directives.new.reference.add')}
      </button>
    </fieldset>
  );
}
