// What the civil registry does with the declarations other than births: it records a marriage or
// a PACS, and draws up the death certificate in the commune of death.
import { acteNumber } from './acte-number.ts';
import { deathDeclaredContent, householdChangedContent } from '../../exchange/index.ts';
import { BodyRejection, type MessageHandler } from '../node.ts';
import { readContent } from '../store.ts';

export const etatCivilLifeEventHandlers: Record<string, MessageHandler> = {
  'situation_familiale.changee': async (tx, envelope) => {
    const change = readContent(householdChangedContent, envelope.content);
    if (change.event !== 'mariage' && change.event !== 'pacs')
      throw new BodyRejection('REJ-31', {
        fr: 'L’état civil n’enregistre que les mariages et les PACS.',
        en: 'The civil registry records only marriages and PACS.',
      });
    if (!change.communeCode)
      throw new BodyRejection('REJ-11', {
        fr: 'La commune du mariage ou du PACS manque.',
        en: 'The commune of the marriage or PACS is missing.',
      });
    await tx.query(
      `insert into body_etat_civil.actes (numero, kind, event_date, commune_code, nir, spouse_nir, given_names, family_name, correlation_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        acteNumber(change.event === 'mariage' ? 'M' : 'P', change.communeCode, change.eventOn, envelope.messageId),
        change.event,
        change.eventOn,
        change.communeCode,
        change.declarant.nir,
        change.partner.nir,
        change.partner.givenNames,
        change.partner.familyName,
        envelope.correlationId,
      ],
    );
  },
  'deces.declare': async (tx, envelope) => {
    const death = readContent(deathDeclaredContent, envelope.content);
    await tx.query(
      `insert into body_etat_civil.actes (numero, kind, event_date, commune_code, nir, given_names, family_name, correlation_id)
       values ($1, 'deces', $2, $3, $4, $5, $6, $7)`,
      [
        acteNumber('D', death.place, death.diedOn, envelope.messageId),
        death.diedOn,
        death.place,
        death.deceased.nir,
        death.deceased.givenNames,
        death.deceased.familyName,
        envelope.correlationId,
      ],
    );
  },
};
