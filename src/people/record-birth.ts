// A declared birth in Guichet's own record: each child becomes a person of the declarant's famille
// (enfants), foyer fiscal (personnes à charge) and ménage (enfants), living at the declarant's
// address, so that the rights engine counts them from the day the birth is declared. The NIR stays
// empty until the INSEE registers the child.
import type { Sql } from '../platform/index.ts';
import { forgetRecentPersonFiles } from './person-file.ts';

export type BornChild = {
  givenNames: string;
  familyName: string;
  sex: 'F' | 'M';
  birthDate: string;
  birthPlace: string;
};

/** Adds the children to the declarant's groups (those the declarant belongs to); returns their ids. */
export const recordBirth = async (db: Sql, declarantId: string, children: BornChild[]) => {
  const ids: string[] = [];
  for (const child of children) {
    const [row] = await db.query<{ id: string }>(
      `insert into people.persons (given_names, family_name, birth_date, birth_place, sex,
                                   address_label, address_postcode, address_commune_code, address_commune_name,
                                   address_lat, address_lon)
       select $2, $3, $4, $5, $6, address_label, address_postcode, address_commune_code, address_commune_name,
              address_lat, address_lon
         from people.persons where id = $1
       returning id`,
      [declarantId, child.givenNames, child.familyName, child.birthDate, child.birthPlace, child.sex],
    );
    const childId = row!.id;
    await db.query(`insert into people.person_situations (person_id, employment_status) values ($1, 'inactif')`, [
      childId,
    ]);
    await db.query(
      `insert into people.famille_members (person_id, famille_id, role)
       select $2, famille_id, 'enfants' from people.famille_members where person_id = $1`,
      [declarantId, childId],
    );
    await db.query(
      `insert into people.foyer_fiscal_members (person_id, foyer_fiscal_id, role)
       select $2, foyer_fiscal_id, 'personnes_a_charge' from people.foyer_fiscal_members where person_id = $1`,
      [declarantId, childId],
    );
    await db.query(
      `insert into people.menage_members (person_id, menage_id, role)
       select $2, menage_id, 'enfants' from people.menage_members where person_id = $1`,
      [declarantId, childId],
    );
    ids.push(childId);
  }
  forgetRecentPersonFiles();
  return ids;
};
