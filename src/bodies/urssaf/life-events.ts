// What the Urssaf does with the declarations: a change of address updates the contributor's account.
import { addressChangedContent } from '../../exchange/index.ts';
import { BodyRejection, type MessageHandler } from '../node.ts';
import { nirsOf, readContent } from '../store.ts';

export const urssafLifeEventHandlers: Record<string, MessageHandler> = {
  'adresse.changee': async (tx, envelope) => {
    const move = readContent(addressChangedContent, envelope.content);
    const updated = await tx.query(
      `update body_urssaf.cotisants set address_label = $2, address_postcode = $3, address_commune_code = $4
        where nir = any($1::text[]) returning nir`,
      [nirsOf(move.declarant, move.otherParent), move.address.label, move.address.postcode, move.address.communeCode],
    );
    if (!updated.length)
      throw new BodyRejection('REJ-30', {
        fr: 'Cette personne n’est pas cotisante à l’Urssaf.',
        en: 'This person is not a contributor at the Urssaf.',
      });
  },
};
