import type { ReportsMessages } from './messages.vi.ts';

export const reportsEn: ReportsMessages = {
  reports: {
    dailyTitle: 'Daily report',
    date: 'Day',
    field: 'Item',
    value: 'Value',
    computed: 'Computed:',
    correct: 'Correct',
    reason: 'Reason for the correction (required)',
    save: 'Save',
    saveTexts: 'Save texts',
    sign: 'Sign off',
    submit: 'Submit',
    signedBy: 'Signed by',
    deadline: 'Due',
    late: 'late',
    missing: 'missing',
    units: 'Units',
    remind: 'Remind the late units',
    reminded: '{{count}} reminder tasks opened.',
    print: 'Print',
    states: { draft: 'Draft', signed: 'Signed off, not submitted', submitted: 'Submitted' },
  },
};
