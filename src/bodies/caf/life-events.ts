// What the CAF does with the declarations other than births: a pregnancy recorded (the file opened
// if the family had none), the family's new address, couple situation and bank account, the
// resources after a change of activity, and a death in the family.
import {
  activityChangedContent,
  addressChangedContent,
  bankDetailsChangedContent,
  deathDeclaredContent,
  householdChangedContent,
  pregnancyDeclaredContent,
  type Holding,
} from '../../exchange/index.ts';
import type { Sql } from '../../platform/index.ts';
import { SITUATION_AFTER } from '../life-event-dates.ts';
import { BodyRejection, type MessageHandler } from '../node.ts';
import { fileReference, nirsOf, readContent } from '../store.ts';

const NO_FILE = {
  fr: 'Aucun dossier d’allocataire à la CAF pour cette personne.',
  en: 'No beneficiary file at the CAF for this person.',
};

const fileOf = async (tx: Sql, nirs: string[]) => {
  const [file] = await tx.query<{ reference: string; nir: string; conjoint_nir: string | null }>(
    'select reference, nir, conjoint_nir from body_caf.allocataires where nir = any($1::text[]) or conjoint_nir = any($1::text[]) limit 1',
    [nirs],
  );
  if (!file) throw new BodyRejection('REJ-30', NO_FILE);
  return file;
};

export const cafLifeEventHandlers: Record<string, MessageHandler> = {
  'grossesse.declaree': async (tx, envelope) => {
    const pregnancy = readContent(pregnancyDeclaredContent, envelope.content);
    const nirs = nirsOf(pregnancy.declarant, pregnancy.otherParent);
    const today = envelope.createdAt.slice(0, 10);
    const holdings: Holding[] = [];
    let [file] = await tx.query<{ reference: string }>(
      'select reference from body_caf.allocataires where nir = any($1::text[]) or conjoint_nir = any($1::text[]) limit 1',
      [nirs],
    );
    if (!file) {
      // A first child: the CAF opens the family's file on the declaration of pregnancy.
      file = { reference: fileReference('caf', pregnancy.declarant.nir, 7) };
      await tx.query(
        'insert into body_caf.allocataires (reference, nir, conjoint_nir, opened_on) values ($1, $2, $3, $4)',
        [file.reference, pregnancy.declarant.nir, pregnancy.otherParent?.nir ?? null, today],
      );
      for (const [person, capacity] of [
        [pregnancy.declarant, 'allocataire'],
        [pregnancy.otherParent, 'conjoint'],
      ] as const)
        if (person)
          holdings.push({
            nir: person.nir,
            capacity,
            reference: file.reference,
            periodStart: today,
            periodEnd: null,
            isHeld: true,
          });
    }
    await tx.query(
      'insert into body_caf.grossesses (allocataire, nir, expected_on, correlation_id) values ($1, $2, $3, $4)',
      [file.reference, pregnancy.pregnant.nir, pregnancy.expectedOn, envelope.correlationId],
    );
    return { holdings };
  },
  'adresse.changee': async (tx, envelope) => {
    const move = readContent(addressChangedContent, envelope.content);
    const file = await fileOf(tx, nirsOf(move.declarant, move.otherParent));
    await tx.query(
      `update body_caf.allocataires set address_label = $2, address_postcode = $3, address_commune_code = $4, address_since = $5
        where reference = $1`,
      [file.reference, move.address.label, move.address.postcode, move.address.communeCode, move.movedOn],
    );
  },
  'situation_familiale.changee': async (tx, envelope) => {
    const change = readContent(householdChangedContent, envelope.content);
    const file = await fileOf(tx, [change.declarant.nir]);
    if (change.event === 'separation') {
      // The declarant keeps (or takes over) the file; the former partner leaves it.
      await tx.query(
        `update body_caf.allocataires set nir = $2, conjoint_nir = null, situation_familiale = 'separe' where reference = $1`,
        [file.reference, change.declarant.nir],
      );
      return;
    }
    const partner = change.partner.nir;
    await tx.query(
      `update body_caf.allocataires set situation_familiale = $2,
         conjoint_nir = case
           when $3::text is null or conjoint_nir = $3 then conjoint_nir
           when exists (select 1 from body_caf.allocataires other where other.nir = $3 or other.conjoint_nir = $3) then conjoint_nir
           else $3 end
        where reference = $1`,
      [file.reference, SITUATION_AFTER[change.event], partner],
    );
  },
  'activite.changee': async (tx, envelope) => {
    const change = readContent(activityChangedContent, envelope.content);
    const file = await fileOf(tx, [change.declarant.nir]);
    await tx.query(
      `insert into body_caf.ressources (allocataire, nir, activity, monthly_net_cents, since, correlation_id)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        file.reference,
        change.declarant.nir,
        change.event,
        change.monthlyNetIncomeCents,
        change.eventOn,
        envelope.correlationId,
      ],
    );
  },
  'coordonnees_bancaires.changees': async (tx, envelope) => {
    const bank = readContent(bankDetailsChangedContent, envelope.content);
    const file = await fileOf(tx, [bank.declarant.nir]);
    await tx.query('update body_caf.allocataires set iban = $2, bic = $3 where reference = $1', [
      file.reference,
      bank.iban,
      bank.bic,
    ]);
  },
  'deces.declare': async (tx, envelope) => {
    const death = readContent(deathDeclaredContent, envelope.content);
    const file = await fileOf(tx, [death.declarant.nir, death.deceased.nir]);
    if (file.nir === death.deceased.nir || file.conjoint_nir === death.deceased.nir) {
      // The surviving parent carries the file on alone.
      await tx.query(
        `update body_caf.allocataires set nir = $2, conjoint_nir = null, situation_familiale = 'veuf' where reference = $1`,
        [file.reference, death.declarant.nir],
      );
      return;
    }
    await tx.query(
      `update body_caf.enfants set died_on = $4
        where allocataire = $1 and given_names = $2 and birth_date = $3 and died_on is null`,
      [file.reference, death.deceased.givenNames, death.deceased.birthDate, death.diedOn],
    );
  },
};
