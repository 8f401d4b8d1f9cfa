// A pregnancy in the person's situation, which the rights engine reads: declared with its expected
// date (the child to be born counts in the household from then), ended by the birth.
import { notFound, type Sql } from '../platform/index.ts';
import { forgetRecentPersonFiles } from './person-file.ts';

/** Records the person pregnant with a child expected on `expectedOn`, or no longer pregnant (null). */
export const recordPregnancy = async (db: Sql, personId: string, expectedOn: string | null) => {
  const rows = await db.query(
    `update people.person_situations
        set is_pregnant = $2::date is not null, pregnancy_due_date = $2::date, updated_at = now()
      where person_id = $1 returning 1`,
    [personId, expectedOn],
  );
  if (!rows.length) throw notFound({ fr: 'Situation de la personne', en: 'Person’s situation' });
  forgetRecentPersonFiles();
};
