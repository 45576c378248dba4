import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactForm } from './ContactForm.tsx';
import type { CaseItem, CheckLink } from './cases-api.ts';
import { LinkPanel } from './LinkPanel.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { TeamCheckForm } from './TeamCheckForm.tsx';
import { TransferForm } from './TransferForm.tsx';

const ACTIONS = ['link', 'check', 'contact', 'transfer', 'outcome'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * What the station does with a case under treatment, one panel open at a time: its personal link, a check
 * entered for the patient, a close contact, a transfer, the end of treatment. A closed case lists contacts only.
 */
export function CaseActions({ item, link = null }: { item: CaseItem; link?: CheckLink | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(link ? 'link' : null);
  // The link is shown only while this case's panel lives: the server keeps its hash, not the link.
  const [current, setCurrent] = useState(link);
  const close = () => setOpen(null);
  const actions = item.status === 'treating' ? ACTIONS : (['contact'] as const);
  return (
    <div className="case-actions" data-testid="case-actions">
      <div className="segmented">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className="btn btn-small"
            data-testid={`case-action-${a}`}
            aria-expanded={open === a}
            onClick={() => setOpen(open === a ? null : a)}
          >
            {t(`cases.actions.${a}`)}
          </button>
        ))}
      </div>
      {open === 'link' && <LinkPanel caseId={item.id} link={current} onIssued={setCurrent} />}
      {open === 'check' && <TeamCheckForm caseId={item.id} />}
      {open === 'contact' && <ContactForm caseId={item.id} onDone={close} />}
      {open === 'transfer' && <TransferForm caseId={item.id} onDone={close} />}
      {open === 'outcome' && <OutcomeForm caseId={item.id} onDone={close} />}
    </div>
  );
}
