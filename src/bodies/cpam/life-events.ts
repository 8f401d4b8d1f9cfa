// What the CPAM does with the declarations other than births: a pregnancy opens the maternity file,
// a move changes the caisse (the département's), new bank details are used for refunds, and a
// death ends the insured person's rights and opens the capital décès for the family.
import {
  addressChangedContent,
  bankDetailsChangedContent,
  deathDeclaredContent,
  pregnancyDeclaredContent,
} from '../../exchange/index.ts';
import type { Sql } from '../../platform/index.ts';
import { BodyRejection, type MessageHandler } from '../node.ts';
import { nirsOf, readContent } from '../store.ts';

const insuredAmong = async (tx: Sql, nirs: string[]) => {
  const rows = await tx.query<{ nir: string }>(
    'select nir from body_cpam.assures where nir = any($1::text[]) order by array_position($1::text[], nir)',
    [nirs],
  );
  if (!rows.length)
    throw new BodyRejection('REJ-30', {
      fr: 'Cette personne n’est pas assurée à la CPAM.',
      en: 'This person is not insured with the CPAM.',
    });
  return rows.map((row) => row.nir);
};

/** The caisse primaire of a commune: one per département (Corsica: 2A, 2B; overseas: 971…). */
const caisseOf = (communeCode: string) =>
  communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);

export const cpamLifeEventHandlers: Record<string, MessageHandler> = {
  'grossesse.declaree': async (tx, envelope) => {
    const pregnancy = readContent(pregnancyDeclaredContent, envelope.content);
    await insuredAmong(tx, [pregnancy.pregnant.nir]);
    await tx.query(
      `insert into body_cpam.maternites (nir, expected_on, status, correlation_id) values ($1, $2, 'en_cours', $3)
       on conflict (nir, expected_on) do nothing`,
      [pregnancy.pregnant.nir, pregnancy.expectedOn, envelope.correlationId],
    );
  },
  'adresse.changee': async (tx, envelope) => {
    const move = readContent(addressChangedContent, envelope.content);
    const insured = await insuredAmong(tx, nirsOf(move.declarant, move.otherParent));
    await tx.query(
      `update body_cpam.assures set address_label = $2, address_postcode = $3, address_commune_code = $4, caisse = $5
        where nir = any($1::text[])`,
      [
        insured,
        move.address.label,
        move.address.postcode,
        move.address.communeCode,
        caisseOf(move.address.communeCode),
      ],
    );
  },
  'coordonnees_bancaires.changees': async (tx, envelope) => {
    const bank = readContent(bankDetailsChangedContent, envelope.content);
    await insuredAmong(tx, [bank.declarant.nir]);
    await tx.query('update body_cpam.assures set iban = $2, bic = $3 where nir = $1', [
      bank.declarant.nir,
      bank.iban,
      bank.bic,
    ]);
  },
  'deces.declare': async (tx, envelope) => {
    const death = readContent(deathDeclaredContent, envelope.content);
    await insuredAmong(tx, [death.declarant.nir, death.deceased.nir]);
    const [insured] = await tx.query<{ nir: string }>(
      'update body_cpam.assures set died_on = $2 where nir = $1 and died_on is null returning nir',
      [death.deceased.nir, death.diedOn],
    );
    if (insured)
      await tx.query(
        `insert into body_cpam.capitaux_deces (defunt_nir, beneficiaire_nir, status, correlation_id) values ($1, $2, 'a_instruire', $3)`,
        [death.deceased.nir, death.declarant.nir, envelope.correlationId],
      );
    await tx.query(
      `update body_cpam.ayants_droit set died_on = $2 where (nir = $1 or (given_names = $3 and birth_date = $4)) and died_on is null`,
      [death.deceased.nir, death.diedOn, death.deceased.givenNames, death.deceased.birthDate],
    );
  },
};
