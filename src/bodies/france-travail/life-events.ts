// What France Travail does with the declarations: a job lost registers the person as a jobseeker
// (or reopens the registration), a new job or retirement closes it; address and bank account
// update the jobseeker's file.
import {
  activityChangedContent,
  addressChangedContent,
  bankDetailsChangedContent,
  type Holding,
} from '../../exchange/index.ts';
import { BodyRejection, type MessageHandler } from '../node.ts';
import { fileReference, nirsOf, readContent } from '../store.ts';

const NOT_REGISTERED = {
  fr: 'Cette personne n’est pas inscrite à France Travail.',
  en: 'This person is not registered with France Travail.',
};

export const franceTravailLifeEventHandlers: Record<string, MessageHandler> = {
  'activite.changee': async (tx, envelope) => {
    const change = readContent(activityChangedContent, envelope.content);
    const nir = change.declarant.nir;
    if (change.event === 'perte_emploi') {
      const identifiant = fileReference('france-travail', nir, 8);
      await tx.query(
        `insert into body_france_travail.demandeurs (nir, identifiant, registered_on, categorie) values ($1, $2, $3, 'A')
         on conflict (nir) do update set registered_on = excluded.registered_on, ended_on = null, categorie = 'A'`,
        [nir, identifiant, change.eventOn],
      );
      const holding: Holding = {
        nir,
        capacity: 'demandeur_emploi',
        reference: identifiant,
        periodStart: change.eventOn,
        periodEnd: null,
        isHeld: true,
      };
      return { holdings: [holding] };
    }
    const closed = await tx.query(
      'update body_france_travail.demandeurs set ended_on = $2 where nir = $1 and ended_on is null returning nir',
      [nir, change.eventOn],
    );
    if (!closed.length) throw new BodyRejection('REJ-30', NOT_REGISTERED);
  },
  'adresse.changee': async (tx, envelope) => {
    const move = readContent(addressChangedContent, envelope.content);
    const updated = await tx.query(
      `update body_france_travail.demandeurs set address_commune_code = $2, address_postcode = $3
        where nir = any($1::text[]) returning nir`,
      [nirsOf(move.declarant, move.otherParent), move.address.communeCode, move.address.postcode],
    );
    if (!updated.length) throw new BodyRejection('REJ-30', NOT_REGISTERED);
  },
  'coordonnees_bancaires.changees': async (tx, envelope) => {
    const bank = readContent(bankDetailsChangedContent, envelope.content);
    const updated = await tx.query(
      'update body_france_travail.demandeurs set iban = $2, bic = $3 where nir = $1 returning nir',
      [bank.declarant.nir, bank.iban, bank.bic],
    );
    if (!updated.length) throw new BodyRejection('REJ-30', NOT_REGISTERED);
  },
};
