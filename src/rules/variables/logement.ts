// Housing facts the solidarity benefits read (the forfait logement of RSA and prime d'activité),
// with OpenFisca-France's names. The housing aids themselves are in benefits/aides_logement.
import { defineVariable } from '../engine/variable.ts';

/** OpenFisca-France's TypesStatutOccupationLogement, in its order. */
export const STATUTS_OCCUPATION_LOGEMENT = [
  'non_renseigne',
  'primo_accedant',
  'proprietaire',
  'locataire_hlm',
  'locataire_vide',
  'locataire_meuble',
  'loge_gratuitement',
  'locataire_foyer',
  'sans_domicile',
] as const;

export const statutOccupation = (name: (typeof STATUTS_OCCUPATION_LOGEMENT)[number]): number =>
  STATUTS_OCCUPATION_LOGEMENT.indexOf(name);

export const statut_occupation_logement = defineVariable({
  name: 'statut_occupation_logement',
  entity: 'menage',
  definitionPeriod: 'month',
  valueType: 'enum',
  possibleValues: STATUTS_OCCUPATION_LOGEMENT,
  label:
    "Statut d'occupation du logement (propriétaire sans emprunt : « proprietaire », accédant : « primo_accedant », locataire, logé gratuitement…)",
});

/** The menage value seen by each famille: the one of its first parent (OpenFisca's famille.demandeur.menage). */
export const valueOfDemandeurMenage = (
  members: { famille: Membership; menage: Membership },
  familles: number,
  menageValues: ArrayLike<number>,
): Float64Array => {
  const result = new Float64Array(familles);
  const seen = new Uint8Array(familles);
  const { famille, menage } = members;
  for (let i = 0; i < famille.group.length; i++) {
    const g = famille.group[i]!;
    if (seen[g] || famille.role[i] !== 0) continue;
    seen[g] = 1;
    result[g] = menageValues[menage.group[i]!]!;
  }
  return result;
};

type Membership = { group: Int32Array; role: Uint8Array };
