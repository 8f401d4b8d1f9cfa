/**
 * The date a person born on `birthDate` turns `years` (ISO dates). Someone born on 29 February
 * has their birthday on 1 March in a common year, as French civil law counts it.
 */
export const anniversary = (birthDate: string, years: number): string => {
  const year = Number(birthDate.slice(0, 4)) + years;
  const monthDay = birthDate.slice(4);
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === '-02-29' && !isLeap ? `${year}-03-01` : `${year}${monthDay}`;
};
