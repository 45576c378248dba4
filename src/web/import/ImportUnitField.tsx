import { UnitPicker } from '../components/UnitPicker.tsx';
import { useCurrentUser } from '../session.ts';

/** The unit an import is for: a commune user's own commune, shown; above it, picked within the jurisdiction. */
export function ImportUnitField(props: {
  label: string;
  idPrefix: string;
  value: string;
  emptyLabel: string;
  disabled: boolean;
  onChange: (code: string) => void;
}) {
  const user = useCurrentUser();
  if (user.unitLevel === 3)
    return (
      <div className="field">
        <span className="field-label">{props.label}</span>
        <strong>{user.unitName}</strong>
      </div>
    );
  return (
    <fieldset className="plain-fieldset" disabled={props.disabled}>
      <legend className="field-label">{props.label}</legend>
      <UnitPicker
        idPrefix={props.idPrefix}
        rootCode={user.unitCode}
        rootLevel={user.unitLevel}
        value={props.value}
        emptyLabel={props.emptyLabel}
        onChange={props.onChange}
      />
    </fieldset>
  );
}
