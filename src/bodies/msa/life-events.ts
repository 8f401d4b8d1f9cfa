// What the MSA does with the declarations other than births: it serves farming families for both
// health and family benefits, so it opens the maternity file, and records address, couple
// situation, bank account, resources and deaths on its members' files.
import {
  activityChangedContent,
  addressChangedContent,
  bankDetailsChangedContent,
  deathDeclaredContent,
  householdChangedContent,
  pregnancyDeclaredContent,
} from '../../exchange/index.ts';
import type { Sql } from '../../platform/index.ts';
import { SITUATION_AFTER } from '../life-event-dates.ts';
import { BodyRejection, type MessageHandler } from '../node.ts';
import { nirsOf, readContent } from '../store.ts';

const membersAmong = async (tx: Sql, nirs: string[]) => {
  const rows = await tx.query<{ nir: string }>(
    'select nir from body_msa.adherents where nir = any($1::text[]) order by array_position($1::text[], nir)',
    [nirs],
  );
  if (!rows.length)
    throw new BodyRejection('REJ-30', {
      fr: 'Cette personne n’est pas adhérente de la MSA.',
      en: 'This person is not a member of the MSA.',
    });
  return rows.map((row) => row.nir);
};

export const msaLifeEventHandlers: Record<string, MessageHandler> = {
  'grossesse.declaree': async (tx, envelope) => {
    const pregnancy = readContent(pregnancyDeclaredContent, envelope.content);
    await membersAmong(tx, [pregnancy.pregnant.nir]);
    await tx.query(
      `insert into body_msa.maternites (nir, expected_on, status, correlation_id) values ($1, $2, 'en_cours', $3)
       on conflict (nir, expected_on) do nothing`,
      [pregnancy.pregnant.nir, pregnancy.expectedOn, envelope.correlationId],
    );
  },
  'adresse.changee': async (tx, envelope) => {
    const move = readContent(addressChangedContent, envelope.content);
    const members = await membersAmong(tx, nirsOf(move.declarant, move.otherParent));
    await tx.query(
      `update body_msa.adherents set address_label = $2, address_postcode = $3, address_commune_code = $4
        where nir = any($1::text[])`,
      [members, move.address.label, move.address.postcode, move.address.communeCode],
    );
  },
  'situation_familiale.changee': async (tx, envelope) => {
    const change = readContent(householdChangedContent, envelope.content);
    const members = await membersAmong(tx, [change.declarant.nir]);
    await tx.query('update body_msa.adherents set situation_familiale = $2 where nir = any($1::text[])', [
      members,
      SITUATION_AFTER[change.event],
    ]);
  },
  'activite.changee': async (tx, envelope) => {
    const change = readContent(activityChangedContent, envelope.content);
    const [member] = await membersAmong(tx, [change.declarant.nir]);
    await tx.query(
      `insert into body_msa.ressources (adherent_nir, activity, monthly_net_cents, since, correlation_id)
       values ($1, $2, $3, $4, $5)`,
      [member, change.event, change.monthlyNetIncomeCents, change.eventOn, envelope.correlationId],
    );
    if (change.event === 'retraite')
      await tx.query(`update body_msa.adherents set activity = 'retraite' where nir = $1`, [member]);
  },
  'coordonnees_bancaires.changees': async (tx, envelope) => {
    const bank = readContent(bankDetailsChangedContent, envelope.content);
    const members = await membersAmong(tx, [bank.declarant.nir]);
    await tx.query('update body_msa.adherents set iban = $2, bic = $3 where nir = any($1::text[])', [
      members,
      bank.iban,
      bank.bic,
    ]);
  },
  'deces.declare': async (tx, envelope) => {
    const death = readContent(deathDeclaredContent, envelope.content);
    await membersAmong(tx, [death.declarant.nir, death.deceased.nir]);
    await tx.query('update body_msa.adherents set died_on = $2 where nir = $1', [death.deceased.nir, death.diedOn]);
    await tx.query(
      `update body_msa.ayants_droit set died_on = $2 where (nir = $1 or (given_names = $3 and birth_date = $4)) and died_on is null`,
      [death.deceased.nir, death.diedOn, death.deceased.givenNames, death.deceased.birthDate],
    );
    if (death.relation === 'conjoint')
      await tx.query(`update body_msa.adherents set situation_familiale = 'veuf' where nir = $1`, [
        death.declarant.nir,
      ]);
  },
};
