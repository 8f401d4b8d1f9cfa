// Shared by this module's tests: a logged-in citizen, and a person with contact details (written
// straight into the people module's table, as the demo seed would have made it).
import { randomUUID } from 'node:crypto';
import type { Config, Db } from '../platform/index.ts';
import { logInAs } from '../testing.ts';

export const loginAs = (
  db: Db,
  config: Config,
  { personId, role = 'citizen' }: { personId?: string; role?: 'citizen' | 'admin' },
) =>
  logInAs(
    { db, config },
    { accountId: randomUUID(), role, displayName: 'Camille Martin', ...(personId ? { personId } : {}) },
  );

export const createPerson = async (
  db: Db,
  { email = null, phone = null }: { email?: string | null; phone?: string | null } = {},
) => {
  const [row] = await db.query<{ id: string }>(
    `insert into people.persons (given_names, family_name, birth_date, birth_place, sex, email, phone)
     values ('Camille', 'Martin', '1990-04-12', '75056', 'F', $1, $2) returning id`,
    [email, phone],
  );
  return row!.id;
};
