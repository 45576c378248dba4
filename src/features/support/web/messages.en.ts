import type { SupportMessages } from './messages.vi.ts';

/** Social support (Resolution 68): English texts. */
export const supportEn: SupportMessages = {
  support: {
    title: 'Resolution 68 support',
    basis: 'Resolution 68/NQ-CP of 01/07/2021; Decision 23/2021/QĐ-TTg. One payment per person per policy.',
    chooseUnit: 'Whole area',
    none: 'No claims.',
    days: '{{n}} days',
    child: 'child (+1,000,000 VND)',
    from: 'from {{date}}',
    fromRecords: 'from F0/F1 records',
    provisional: 'provisional',
    provisionalTitle: 'Provisional value: the text is not confirmed; check before paying.',
    reason: 'Reason',
    policies: {
      f0Treatment: 'F0 under treatment (80,000 VND/day, up to 45 days)',
      f1Quarantine: 'F1 in isolation (80,000 VND/day, up to 21 days)',
      workStoppage: 'Work stopped by quarantine or lockdown',
      suspendedContract: 'Suspended contract or unpaid leave',
      contractEnded: 'Contract ended, no unemployment benefit',
      artist: 'Artist of a public performing-arts unit',
      tourGuide: 'Tour guide',
      householdBusiness: 'Household business suspended',
      freelance: 'Freelance worker (local policy)',
    },
    actions: {
      review: 'Reviewed: send to district',
      reject: 'Not eligible',
      approve: 'Approve',
      refuse: 'Refuse',
      pay: 'Paid',
    },
    lists: {
      toReview: 'Claims for the commune to review',
      atDistrict: 'Sent to the district, awaiting approval',
      toApprove: 'Claims for the district to approve',
    },
    paymentList: {
      title: 'Payment list (approved)',
      download: 'Download the payment list (.xlsx, with signature column)',
      print: 'Print the list',
    },
    missed: {
      title: 'No one missed: eligible with no claim',
      hint: 'From F0 treatment and F1 isolation records inside the policy period (27/04 – 31/12/2021).',
      none: 'Everyone eligible has a claim.',
      commune: 'Commune',
      people: 'People',
      amount: 'Amount (VND)',
      open: 'still under treatment / isolation',
      make: 'Make claims for everyone whose treatment or isolation has ended',
      made: '{{n}} claims made.',
    },
  },
};
