import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';

/** Returning a reported task says what is missing: the assignee sees it ("Bị trả lại: thiếu danh sách"). */
export function ReturnForm({
  saving,
  error,
  onSubmit,
  onCancel,
}: {
  saving: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onSubmit(reason.trim());
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="return-form">
      {error ? <ErrorNotice error={error} /> : null}
      <FormField
        id="return-reason"
        label={t('directives.returnForm.reason')}
        hint={t('directives.returnForm.hint')}
        error={isApiError(error) ? error.fieldMessage('reason') : undefined}
      >
        {(aria) => (
          <textarea
            {...aria}
            data-testid="return-reason"
            rows={3}
            required
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </FormField>
      <FormActions
        label={t('directives.returnForm.submit')}
        disabled={saving || !reason.trim()}
        testId="return-submit"
        onCancel={onCancel}
      />
    </form>
  );
}
