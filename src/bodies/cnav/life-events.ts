// What the CNAV does with the declarations other than births: a retirement opens the pension claim,
// a death stops the deceased's pension at the end of the month and, for a spouse, opens the
// survivor's pension (réversion) to examine; address and bank account update the career file.
import {
  activityChangedContent,
  addressChangedContent,
  bankDetailsChangedContent,
  deathDeclaredContent,
} from '../../exchange/index.ts';
import type { Sql } from '../../platform/index.ts';
import { endOfMonth, firstOfNextMonth } from '../life-event-dates.ts';
import { BodyRejection, type MessageHandler } from '../node.ts';
import { nirsOf, readContent } from '../store.ts';

const insuredAmong = async (tx: Sql, nirs: string[]) => {
  const rows = await tx.query<{ nir: string }>('select nir from body_cnav.assures where nir = any($1::text[])', [nirs]);
  if (!rows.length)
    throw new BodyRejection('REJ-30', {
      fr: 'Aucune carrière à l’Assurance retraite pour cette personne.',
      en: 'No career file at the CNAV for this person.',
    });
  return rows.map((row) => row.nir);
};

export const cnavLifeEventHandlers: Record<string, MessageHandler> = {
  'activite.changee': async (tx, envelope) => {
    const change = readContent(activityChangedContent, envelope.content);
    if (change.event !== 'retraite') return;
    await insuredAmong(tx, [change.declarant.nir]);
    // A pension starts on the first day of a month, at the earliest the month after the claim's date.
    await tx.query(
      `insert into body_cnav.pensions (nir, kind, period_start, status, correlation_id) values ($1, 'droit_propre', $2, 'a_instruire', $3)`,
      [change.declarant.nir, firstOfNextMonth(change.eventOn), envelope.correlationId],
    );
  },
  'adresse.changee': async (tx, envelope) => {
    const move = readContent(addressChangedContent, envelope.content);
    const insured = await insuredAmong(tx, nirsOf(move.declarant, move.otherParent));
    await tx.query(
      `update body_cnav.assures set address_label = $2, address_postcode = $3, address_commune_code = $4 where nir = any($1::text[])`,
      [insured, move.address.label, move.address.postcode, move.address.communeCode],
    );
  },
  'coordonnees_bancaires.changees': async (tx, envelope) => {
    const bank = readContent(bankDetailsChangedContent, envelope.content);
    await insuredAmong(tx, [bank.declarant.nir]);
    await tx.query('update body_cnav.assures set iban = $2, bic = $3 where nir = $1', [
      bank.declarant.nir,
      bank.iban,
      bank.bic,
    ]);
  },
  'deces.declare': async (tx, envelope) => {
    const death = readContent(deathDeclaredContent, envelope.content);
    const insured = await insuredAmong(tx, [death.declarant.nir, death.deceased.nir]);
    if (insured.includes(death.deceased.nir)) {
      await tx.query('update body_cnav.assures set died_on = $2 where nir = $1', [death.deceased.nir, death.diedOn]);
      // Arrears are due up to the end of the month of death, nothing after.
      await tx.query(
        `update body_cnav.pensions set status = 'arretee', period_end = $2
          where nir = $1 and status in ('en_paiement', 'a_instruire') and period_end is null`,
        [death.deceased.nir, endOfMonth(death.diedOn)],
      );
    }
    if (death.relation === 'conjoint' && insured.includes(death.declarant.nir))
      await tx.query(
        `insert into body_cnav.pensions (nir, kind, period_start, status, correlation_id) values ($1, 'reversion', $2, 'a_instruire', $3)`,
        [death.declarant.nir, firstOfNextMonth(death.diedOn), envelope.correlationId],
      );
  },
};
