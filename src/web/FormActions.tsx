import { useTranslation } from 'react-i18next';

interface Props {
  /** The primary button's text while nothing is being sent. */
  label: string;
  /** While true the primary button is disabled and says `savingLabel`. */
  saving?: boolean;
  /** What the primary button says while saving: "Saving…" unless told otherwise. */
  savingLabel?: string;
  /** Disables the primary button for another reason (the form is incomplete…). */
  disabled?: boolean;
  testId?: string;
  /** Given, the primary button is a plain button that calls it; otherwise it submits the form. */
  onConfirm?: () => void;
  onCancel: () => void;
  cancelDisabled?: boolean;
}

/** A form's footer: the primary button (submit, or confirm) and Cancel. */
export function FormActions({
  label,
  saving = false,
  savingLabel,
  disabled = false,
  testId,
  onConfirm,
  onCancel,
  cancelDisabled,
}: Props) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button
        type={onConfirm ? 'button' : 'submit'}
        className="btn btn-primary"
        data-testid={testId}
        disabled={saving || disabled}
        onClick={onConfirm}
      >
        {saving ? (savingLabel ?? t('app.saving')) : label}
      </button>
      <button type="button" className="btn" onClick={onCancel} disabled={cancelDisabled}>
        {t('app.cancel')}
      </button>
    </div>
  );
}
