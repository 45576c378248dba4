import type { ReactNode } from 'react';

interface Props {
  /** The heading's id, for the section's aria-labelledby. */
  id?: string;
  title: ReactNode;
  addLabel: string;
  /** Whether the add button shows: the user may add, and the add form is not already open. */
  canAdd: boolean;
  onAdd: () => void;
}

/** A card's heading, with the small button that opens its "add" form. */
export function SectionHead({ id, title, addLabel, canAdd, onAdd }: Props) {
  return (
    <div className="section-head">
      <h2 id={id}>{title}</h2>
      {canAdd && (
        <button type="button" className="btn btn-small" onClick={onAdd}>
          {addLabel}
        </button>
      )}
    </div>
  );
}
