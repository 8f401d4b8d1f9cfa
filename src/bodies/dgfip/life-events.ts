// What the DGFiP does with the declarations other than births: the tax household's address and
// account, the changes of situation and of income that modulate the withholding rate, and the
// deceased leaving the household (income taxed up to the day of death).
import {
  activityChangedContent,
  addressChangedContent,
  bankDetailsChangedContent,
  deathDeclaredContent,
  householdChangedContent,
} from '../../exchange/index.ts';
import type { Sql } from '../../platform/index.ts';
import { BodyRejection, type MessageHandler } from '../node.ts';
import { nirsOf, readContent } from '../store.ts';

const householdOf = async (tx: Sql, nirs: string[]) => {
  const [row] = await tx.query<{ foyer: string }>(
    `select foyer from body_dgfip.foyer_personnes where role = 'declarant' and ended_on is null and nir = any($1::text[])
      order by array_position($1::text[], nir) limit 1`,
    [nirs],
  );
  if (!row)
    throw new BodyRejection('REJ-30', {
      fr: 'Aucun foyer fiscal connu pour cette personne.',
      en: 'No tax household known for this person.',
    });
  return row.foyer;
};

export const dgfipLifeEventHandlers: Record<string, MessageHandler> = {
  'adresse.changee': async (tx, envelope) => {
    const move = readContent(addressChangedContent, envelope.content);
    const foyer = await householdOf(tx, nirsOf(move.declarant, move.otherParent));
    await tx.query(
      'update body_dgfip.foyers set address_label = $2, address_postcode = $3, address_commune_code = $4 where reference = $1',
      [foyer, move.address.label, move.address.postcode, move.address.communeCode],
    );
  },
  'situation_familiale.changee': async (tx, envelope) => {
    const change = readContent(householdChangedContent, envelope.content);
    const foyer = await householdOf(tx, [change.declarant.nir]);
    await tx.query(
      'insert into body_dgfip.changements_situation (foyer, event, event_on, correlation_id) values ($1, $2, $3, $4)',
      [foyer, change.event, change.eventOn, envelope.correlationId],
    );
  },
  'activite.changee': async (tx, envelope) => {
    const change = readContent(activityChangedContent, envelope.content);
    const foyer = await householdOf(tx, [change.declarant.nir]);
    await tx.query(
      `insert into body_dgfip.changements_situation (foyer, event, event_on, monthly_net_cents, correlation_id)
       values ($1, $2, $3, $4, $5)`,
      [foyer, change.event, change.eventOn, change.monthlyNetIncomeCents, envelope.correlationId],
    );
  },
  'coordonnees_bancaires.changees': async (tx, envelope) => {
    const bank = readContent(bankDetailsChangedContent, envelope.content);
    const foyer = await householdOf(tx, [bank.declarant.nir]);
    await tx.query('update body_dgfip.foyers set iban = $2, bic = $3 where reference = $1', [
      foyer,
      bank.iban,
      bank.bic,
    ]);
  },
  'deces.declare': async (tx, envelope) => {
    const death = readContent(deathDeclaredContent, envelope.content);
    const foyer = await householdOf(tx, [death.declarant.nir, death.deceased.nir]);
    await tx.query(
      `update body_dgfip.foyer_personnes set ended_on = $3
        where foyer = $1 and ended_on is null and (nir = $2 or (nir is null and given_names = $4 and birth_date = $5))`,
      [foyer, death.deceased.nir, death.diedOn, death.deceased.givenNames, death.deceased.birthDate],
    );
    await tx.query(
      `insert into body_dgfip.changements_situation (foyer, event, event_on, correlation_id) values ($1, 'deces', $2, $3)`,
      [foyer, death.diedOn, envelope.correlationId],
    );
  },
};
