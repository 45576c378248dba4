import { CheckForm } from './CheckForm.tsx';
import { CheckResultView } from './CheckResultView.tsx';
import { useTeamCheck } from './cases-api.ts';

/** A check entered by the team (at the door, or by phone): the patient's own form, and what it raised. */
export function TeamCheckForm({ caseId }: { caseId: number }) {
  const send = useTeamCheck(caseId);
  return send.data ? (
    <CheckResultView result={send.data} />
  ) : (
    <CheckForm
      idPrefix={`team-check-${caseId}`}
      saving={send.isPending}
      error={send.error}
      onSubmit={(check) => send.mutate(check)}
    />
  );
}
