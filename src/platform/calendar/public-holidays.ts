// French public holidays: no appointments on these days. Alsace-Moselle (departments 57, 67, 68)
// also rests on Good Friday and on 26 December (local law kept since 1918).
import getJoursFeries from '@socialgouv/jours-feries';

const pad = (value: number) => String(value).padStart(2, '0');
const cache = new Map<string, Map<string, string>>();

const holidaysOf = (year: number, isAlsaceMoselle: boolean) => {
  const key = `${year}|${isAlsaceMoselle}`;
  let dates = cache.get(key);
  if (!dates) {
    dates = new Map();
    // The library builds each date at local midnight of the process: read it back in local time.
    for (const [name, date] of Object.entries(getJoursFeries(year, { alsace: isAlsaceMoselle }))) {
      dates.set(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`, name);
    }
    cache.set(key, dates);
  }
  return dates;
};

/** Whether the site's commune (INSEE code) is in Alsace-Moselle. */
export const isAlsaceMoselle = (communeCode: string) => /^(57|67|68)/.test(communeCode);

/** The name of the public holiday on this date (YYYY-MM-DD), or null. */
export const publicHoliday = (date: string, { isAlsaceMoselle = false }: { isAlsaceMoselle?: boolean } = {}) =>
  holidaysOf(Number(date.slice(0, 4)), isAlsaceMoselle).get(date) ?? null;
