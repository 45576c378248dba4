/** The kinds of venue a commune registers for QR check-in (issue 17: markets, shops, offices, events). */
export const VENUE_KINDS = ['market', 'shop', 'office', 'event', 'other'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
