// Dates the bodies derive from a declared event: benefits and pensions run by calendar month.

/** The first day of the month of an ISO date. */
export const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;

/** The last day of the month of an ISO date (a pension is due up to the end of the month of death). */
export const endOfMonth = (iso: string) => {
  const date = new Date(`${firstOfMonth(iso)}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return new Date(date.getTime() - 86_400_000).toISOString().slice(0, 10);
};

/** The first day of the following month (a pension starts then). */
export const firstOfNextMonth = (iso: string) => {
  const date = new Date(`${firstOfMonth(iso)}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
};

/** The couple situation a body records for a declared household event. */
export const SITUATION_AFTER = {
  mise_en_couple: 'couple',
  pacs: 'pacs',
  mariage: 'marie',
  separation: 'separe',
} as const;
