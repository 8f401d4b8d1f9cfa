// Aides personnelles au logement of tenants (CCH L821-1 to L823-9, R822-1 to R823-12, D823-16 and
// D823-17; arrêté du 27 septembre 2019): aid = L + C − PP, where L is the rent within a ceiling set
// by zone and household, C a flat amount for charges, and PP the personal participation
// P0 + Tp × (R − R0) on the resources R of the twelve months M-13 to M-2 (since January 2021).
// High rents lower then cancel the aid; the result is lowered by 5 €, the CRDS is withheld, and
// less than 10 € is not paid. Paid as APL in a conventionné dwelling, else ALF to a family with
// dependants, else ALS. Owners repaying a loan and foyers are answered "not supported".
import { roundCents, mapColumn } from '../../engine/columns.ts';
import { FAMILLE_ENFANT, FAMILLE_PARENT } from '../../engine/entities.ts';
import { month, year, type Period } from '../../engine/period.ts';
import { defineVariable, type FormulaContext } from '../../engine/variable.ts';
import { REVENUS_NON_SALARIES } from '../../variables/activite.ts';
import { statutOccupation, valueOfDemandeurMenage } from '../../variables/logement.ts';

const AL = 'prestations_sociales.aides_logement';
const AL_AGE_LIMITE_ENFANT = `${AL}.age_limite_enfant`;
const AL_RESSOURCES_ARRONDI = `${AL}.ressources.arrondi`;
const AL_SEUIL_VERSEMENT = `${AL}.seuil_versement`;
const AL_TAUX_CRDS = `${AL}.taux_crds`;
const LOCATIF = `${AL}.locatif`;
const LOCATIF_CHARGES_FORFAITAIRES_BASE = `${LOCATIF}.charges_forfaitaires.base`;
const LOCATIF_CHARGES_FORFAITAIRES_PAR_PERSONNE_A_CHARGE = `${LOCATIF}.charges_forfaitaires.par_personne_a_charge`;
const LOCATIF_MINORATION_FORFAITAIRE = `${LOCATIF}.minoration_forfaitaire`;
const ABATTEMENT = 'impot_revenu.abattement_frais_professionnels';
const ABATTEMENT_MINIMUM = `${ABATTEMENT}.minimum`;
const ABATTEMENT_PLAFOND = `${ABATTEMENT}.plafond`;
const ABATTEMENT_TAUX = `${ABATTEMENT}.taux`;
const REFORME_2021 = '2021-01-01';

/** OpenFisca-France's TypesZoneApl, in its order. */
export const ZONES_APL = ['zone_1', 'zone_2', 'zone_3'] as const;

export const loyer = defineVariable({
  name: 'loyer',
  entity: 'menage',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Loyer mensuel hors charges du logement principal',
});

export const zone_apl = defineVariable({
  name: 'zone_apl',
  entity: 'menage',
  definitionPeriod: 'month',
  valueType: 'enum',
  possibleValues: ZONES_APL,
  defaultValue: ZONES_APL.indexOf('zone_2'),
  label:
    'Zone du logement pour les aides au logement (zone 1 : agglomération parisienne ; zone 2 : grandes agglomérations ; zone 3 : reste du territoire)',
  reference: ['Arrêté du 17 mars 1978 modifié relatif au classement des communes par zone géographique'],
  documentation:
    'Donnée saisie (OpenFisca la déduit de la commune, que Guichet ne lit pas encore) ; zone 2 par défaut, comme OpenFisca-France : le questionnaire doit la demander.',
});

export const logement_conventionne = defineVariable({
  name: 'logement_conventionne',
  entity: 'menage',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Logement conventionné avec l'État (ouvre droit à l'APL plutôt qu'à l'ALF ou l'ALS)",
  reference: ['Code de la construction et de l’habitation, art. L831-1'],
});

export const coloc = defineVariable({
  name: 'coloc',
  entity: 'menage',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Logement en colocation',
});

export const logement_chambre = defineVariable({
  name: 'logement_chambre',
  entity: 'menage',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Le logement est une chambre (meublée ou non)',
});

export const residence_dom = defineVariable({
  name: 'residence_dom',
  entity: 'menage',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Le ménage réside dans un département ou une collectivité d'outre-mer",
});

export const al_nb_personnes_a_charge = defineVariable({
  name: 'al_nb_personnes_a_charge',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'int',
  label: 'Nombre de personnes à charge au sens des aides au logement (enfants de moins de 21 ans)',
  reference: ['Code de la construction et de l’habitation, art. R823-4'],
  documentation:
    'Enfants de la famille de moins de 21 ans qui ne sont pas financièrement autonomes. Les ascendants et les adultes handicapés à charge ne sont pas encore comptés.',
  formulas: {
    '2000-01-01': (ctx, period) => {
      const ageLimite = ctx.param(AL_AGE_LIMITE_ENFANT, period);
      const age = ctx.calc('age', period);
      const autonome = ctx.calc('autonomie_financiere', period);
      const { role } = ctx.members('famille');
      const aCharge = mapColumn(Uint8Array, age, (a, i) =>
        role[i] === FAMILLE_ENFANT && a >= 0 && a < ageLimite && !autonome[i] ? 1 : 0,
      );
      return ctx.count('famille', aCharge);
    },
  },
});

export const al_couple = defineVariable({
  name: 'al_couple',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Barème « couple » des aides au logement (couple, ou femme enceinte isolée)',
  reference: ['Code de la construction et de l’habitation, art. D823-16'],
  formulas: {
    '0001-01-01': (ctx, period) => {
      const couple = ctx.calc('en_couple', period);
      const enceinte = ctx.calc('enceinte', period);
      const { role } = ctx.members('famille');
      const parentEnceinte = ctx.count(
        'famille',
        mapColumn(Uint8Array, enceinte, (e, i) => (e && role[i] === FAMILLE_PARENT ? 1 : 0)),
      );
      return mapColumn(Uint8Array, couple, (c, g) => (c || parentEnceinte[g]! > 0 ? 1 : 0));
    },
  },
});

/** The twelve months M-13 to M-2 whose resources set the aid of month M (since January 2021). */
const referenceMonths = (period: Period): Period[] =>
  Array.from({ length: 12 }, (_, k) => month(period.year, period.month - 13 + k));

export const aide_logement_base_ressources = defineVariable({
  name: 'aide_logement_base_ressources',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Base ressources annuelle des aides au logement (douze mois M-13 à M-2, arrondie à la centaine supérieure)',
  reference: [
    'Code de la construction et de l’habitation, art. R822-1 à R822-5 (ressources des douze mois précédents, réforme du 1er janvier 2021)',
    'Code général des impôts, art. 83, 3° (déduction de 10 % pour frais professionnels)',
  ],
  documentation:
    "Comme la base simplifiée d'OpenFisca-France depuis la réforme de janvier 2021 : salaires imposables des parents sur les mois M-13 à M-2, après la déduction de 10 % (bornée comme à l'impôt sur le revenu), arrondis à la centaine d'euros supérieure. Les autres ressources (chômage, revenus non salariés, retraites, pensions alimentaires) et les salaires des enfants sont répondus « non pris en charge ».",
  formulas: {
    [REFORME_2021]: (ctx, period) => {
      const months = referenceMonths(period);
      // Only for the households whose aid is computed: in a batch, one tenant makes the resources
      // computed for all, and another household's would not count (alone, its aid is 0).
      refuseUnsupportedResources(ctx, months, ctx.project('famille', ctx.calc('aide_logement_calculee', period)));
      const last = months[months.length - 1]!;
      const taux = ctx.param(ABATTEMENT_TAUX, last);
      const minimum = ctx.param(ABATTEMENT_MINIMUM, last);
      const plafond = ctx.param(ABATTEMENT_PLAFOND, last);
      const arrondi = ctx.param(AL_RESSOURCES_ARRONDI, period);
      const salaires = new Float64Array(ctx.members('famille').group.length);
      for (const m of months) {
        const column = ctx.calc('salaire_imposable', m);
        for (let i = 0; i < salaires.length; i++) salaires[i]! += column[i]!;
      }
      const net = salaires.map((s) => {
        const total = roundCents(s);
        return Math.max(0, total - Math.min(total, plafond, Math.max(minimum, total * taux)));
      });
      const parents = ctx.sum('famille', net, FAMILLE_PARENT);
      return parents.map((r) => Math.ceil(roundCents(r) / arrondi) * arrondi);
    },
  },
});

/** Resources Guichet does not count yet: answered "not supported" rather than left out, for the
 *  persons of the households whose aid is computed (`computed`, by person). */
const refuseUnsupportedResources = (ctx: FormulaContext, months: Period[], computed: ArrayLike<number>) => {
  const { role } = ctx.members('famille');
  const refuse = (what: string, values: ArrayLike<number>, test: (v: number, i: number) => unknown = (v) => v !== 0) =>
    ctx.refuse(
      `non pris en charge : ${what} dans les ressources des aides au logement ne sont pas encore calculé(e)s par Guichet`,
      'individu',
      values,
      (v, i) => computed[i] && test(v, i),
    );
  for (const m of months) {
    const salaires = ctx.calc('salaire_imposable', m);
    refuse('les salaires des enfants à charge', salaires, (s, i) => s > 0 && role[i] !== FAMILLE_PARENT);
    ctx.refuse(
      `non pris en charge : les aides au logement comptent le salaire imposable, seul le salaire net est donné pour ${m.year}-${String(m.month).padStart(2, '0')}`,
      'individu',
      ctx.calc('salaire_net', m),
      (n, i) => computed[i] && n > 0 && !(salaires[i]! > 0),
    );
    refuse('les allocations chômage', ctx.calc('chomage_net', m), (v) => v > 0);
    refuse('les pensions de retraite', ctx.calc('retraite_brute', m), (v) => v > 0);
    refuse('les pensions alimentaires', ctx.calc('pensions_alimentaires_percues', m), (v) => v > 0);
  }
  const years = new Set(months.map((m) => m.year));
  for (const y of years)
    for (const name of REVENUS_NON_SALARIES) refuse('les revenus non salariés', ctx.calc(name, year(y)));
};

/** The menage value of each famille (its first parent's menage), as OpenFisca's famille.demandeur.menage. */
const ofMenage = (ctx: FormulaContext, name: string, period: Period): Float64Array =>
  valueOfDemandeurMenage(
    { famille: ctx.members('famille'), menage: ctx.members('menage') },
    ctx.length,
    ctx.calc(name, period),
  );

/** A parameter by zone: `<prefix>.zone_N.<suffix>` for each famille's zone (read for the zones present only). */
const byZone = (ctx: FormulaContext, period: Period, prefix: string, suffix: string): Float64Array => {
  const zone = ofMenage(ctx, 'zone_apl', period);
  const values = new Map<number, number>();
  return mapColumn(Float64Array, zone, (z) => {
    if (!values.has(z)) values.set(z, ctx.param(`${prefix}.${ZONES_APL[z]}.${suffix}`, period));
    return values.get(z)!;
  });
};

/** Ceiling for the household's composition, from the four amounts of one zone. */
const ceilingFor = (
  couple: number,
  pac: number,
  amounts: { seule: number; couple: number; unEnfant: number; parEnfant: number },
): number => (pac === 0 ? (couple ? amounts.couple : amounts.seule) : amounts.unEnfant + (pac - 1) * amounts.parEnfant);

/** The rent ceiling of each famille for its composition, in the zone `zoneOf(g)` (LR is zone 2's). */
const ceilings = (ctx: FormulaContext, period: Period, zoneOf: (g: number) => number): Float64Array => {
  const couple = ctx.calc('al_couple', period);
  const pac = ctx.calc('al_nb_personnes_a_charge', period);
  const scales = new Map<number, Parameters<typeof ceilingFor>[2]>();
  const scaleOf = (zone: number) => {
    let scale = scales.get(zone);
    if (!scale) {
      const at = (key: string) => ctx.param(`${LOCATIF}.loyer_plafond.${ZONES_APL[zone]}.${key}`, period);
      scale = {
        seule: at('personne_seule'),
        couple: at('couple'),
        unEnfant: at('un_enfant'),
        parEnfant: at('par_enfant_supplementaire'),
      };
      scales.set(zone, scale);
    }
    return scale;
  };
  return mapColumn(Float64Array, couple, (c, g) => ceilingFor(c, pac[g]!, scaleOf(zoneOf(g))));
};

export const aide_logement_loyer_plafond = defineVariable({
  name: 'aide_logement_loyer_plafond',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Plafond de loyer « L » des aides au logement (selon la zone et la composition du foyer)',
  reference: ['Code de la construction et de l’habitation, art. D823-16, 2°', 'Arrêté du 27 septembre 2019, art. 7'],
  formulas: {
    '2022-07-01': (ctx, period) => {
      const zone = ofMenage(ctx, 'zone_apl', period);
      return ceilings(ctx, period, (g) => zone[g]!);
    },
  },
});

export const aide_logement_loyer_retenu = defineVariable({
  name: 'aide_logement_loyer_retenu',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Loyer retenu pour les aides au logement (loyer réel dans la limite du plafond)',
  reference: ['Code de la construction et de l’habitation, art. D823-16, 2°'],
  formulas: {
    '2022-07-01': (ctx, period) => {
      const reel = ofMenage(ctx, 'loyer', period);
      const plafond = ctx.calc('aide_logement_loyer_plafond', period);
      return mapColumn(Float64Array, reel, (l, g) => Math.min(Math.max(l, 0), plafond[g]!));
    },
  },
});

export const aide_logement_charges = defineVariable({
  name: 'aide_logement_charges',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Forfait de charges « C » des aides au logement',
  reference: ['Code de la construction et de l’habitation, art. D823-16, 3°', 'Arrêté du 27 septembre 2019, art. 9'],
  formulas: {
    '2022-07-01': (ctx, period) => {
      const base = ctx.param(LOCATIF_CHARGES_FORFAITAIRES_BASE, period);
      const parPac = ctx.param(LOCATIF_CHARGES_FORFAITAIRES_PAR_PERSONNE_A_CHARGE, period);
      const pac = ctx.calc('al_nb_personnes_a_charge', period);
      return mapColumn(Float64Array, pac, (n) => base + n * parPac);
    },
  },
});

const PP = `${LOCATIF}.participation_personnelle`;
const PP_P0_FORFAIT = `${PP}.p0_forfait`;
const PP_P0_TAUX = `${PP}.p0_taux`;
const PP_TAUX_LOYER_SEUIL_1 = `${PP}.taux_loyer.seuil_1`;
const PP_TAUX_LOYER_SEUIL_2 = `${PP}.taux_loyer.seuil_2`;
const PP_TAUX_LOYER_TAUX_1 = `${PP}.taux_loyer.taux_1`;
const PP_TAUX_LOYER_TAUX_2 = `${PP}.taux_loyer.taux_2`;
const BY_PAC = ['pac_1', 'pac_2', 'pac_3', 'pac_4', 'pac_5', 'pac_6'] as const;

/** A scale by household: no dependant (single or couple), 1 to 6 dependants, then a step per extra one. */
const scaleByHousehold = (ctx: FormulaContext, period: Period, prefix: string): Float64Array => {
  const couple = ctx.calc('al_couple', period);
  const pac = ctx.calc('al_nb_personnes_a_charge', period);
  const seule = ctx.param(`${prefix}.personne_seule`, period);
  const enCouple = ctx.param(`${prefix}.couple`, period);
  const parNombre = BY_PAC.map((key) => ctx.param(`${prefix}.${key}`, period));
  const supplement = ctx.param(`${prefix}.par_pac_supplementaire`, period);
  return mapColumn(Float64Array, couple, (c, g) => {
    const n = pac[g]!;
    if (n === 0) return c ? enCouple : seule;
    return parNombre[Math.min(n, 6) - 1]! + Math.max(0, n - 6) * supplement;
  });
};

export const aide_logement_R0 = defineVariable({
  name: 'aide_logement_R0',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Abattement forfaitaire annuel « R0 » déduit des ressources (selon la composition du foyer)',
  reference: ['Code de la construction et de l’habitation, art. D823-17, 5°', 'Arrêté du 27 septembre 2019, art. 15'],
  formulas: {
    '2023-01-01': (ctx, period) => scaleByHousehold(ctx, period, `${PP}.r0`),
  },
});

export const aide_logement_taux_famille = defineVariable({
  name: 'aide_logement_taux_famille',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: '/1',
  label: 'Taux « TF » de la participation personnelle, selon la taille de la famille',
  reference: [
    'Code de la construction et de l’habitation, art. D823-17, 3°',
    'Arrêté du 27 septembre 2019, art. 14, 1°',
  ],
  formulas: {
    '2019-10-01': (ctx, period) => scaleByHousehold(ctx, period, `${PP}.taux_famille`),
  },
});

export const aide_logement_loyer_reference = defineVariable({
  name: 'aide_logement_loyer_reference',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Loyer de référence « LR » (égal au plafond de loyer de la zone 2 pour la même composition)',
  reference: [
    'Arrêté du 27 septembre 2019, art. 14, 2° (le tableau des loyers de référence reprend les plafonds de la zone II)',
  ],
  formulas: {
    '2022-07-01': (ctx, period) => ceilings(ctx, period, () => ZONES_APL.indexOf('zone_2')),
  },
});

export const aide_logement_taux_loyer = defineVariable({
  name: 'aide_logement_taux_loyer',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: '/1',
  label: 'Taux complémentaire « TL » de la participation personnelle, selon le rapport RL = L / LR',
  reference: [
    'Code de la construction et de l’habitation, art. D823-17, 3°',
    'Arrêté du 27 septembre 2019, art. 14, 2°',
  ],
  documentation:
    "RL est exprimé en pourcentage arrondi à deux décimales (art. 14). TL n'est pas arrondi, comme dans OpenFisca-France : l'arrondi à la troisième décimale écrit à l'article 14 s'écarte de quelques centimes des cas de la CNAF repris par OpenFisca (réforme de janvier 2021), que cette formule reproduit au centime.",
  formulas: {
    '2022-07-01': (ctx, period) => {
      const seuil1 = ctx.param(PP_TAUX_LOYER_SEUIL_1, period);
      const seuil2 = ctx.param(PP_TAUX_LOYER_SEUIL_2, period);
      const taux1 = ctx.param(PP_TAUX_LOYER_TAUX_1, period);
      const taux2 = ctx.param(PP_TAUX_LOYER_TAUX_2, period);
      const retenu = ctx.calc('aide_logement_loyer_retenu', period);
      const reference = ctx.calc('aide_logement_loyer_reference', period);
      return mapColumn(Float64Array, retenu, (l, g) => {
        const rl = Math.round((l / reference[g]!) * 100 * 100) / 100 / 100;
        return taux1 * Math.max(0, Math.min(rl, seuil2) - seuil1) + taux2 * Math.max(0, rl - seuil2);
      });
    },
  },
});

export const aide_logement_participation_personnelle = defineVariable({
  name: 'aide_logement_participation_personnelle',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Participation personnelle « PP » du ménage : P0 + (TF + TL) × (R − R0)',
  reference: ['Code de la construction et de l’habitation, art. D823-17', 'Arrêté du 27 septembre 2019, art. 13 à 15'],
  documentation:
    'P0 est le plus élevé de 8,5 % de (L + C) et d’un montant minimal ; R et R0 sont annuels, la participation est mensuelle.',
  formulas: {
    '2022-07-01': (ctx, period) => {
      const p0Taux = ctx.param(PP_P0_TAUX, period);
      const p0Forfait = ctx.param(PP_P0_FORFAIT, period);
      const l = ctx.calc('aide_logement_loyer_retenu', period);
      const c = ctx.calc('aide_logement_charges', period);
      const tf = ctx.calc('aide_logement_taux_famille', period);
      const tl = ctx.calc('aide_logement_taux_loyer', period);
      const r = ctx.calc('aide_logement_base_ressources', period);
      const r0 = ctx.calc('aide_logement_R0', period);
      return mapColumn(Float64Array, l, (loyerRetenu, g) => {
        const p0 = Math.max(p0Taux * (loyerRetenu + c[g]!), p0Forfait);
        return p0 + (tf[g]! + tl[g]!) * Math.max(0, r[g]! - r0[g]!);
      });
    },
  },
});

export const aide_logement_montant_brut_avant_degressivite = defineVariable({
  name: 'aide_logement_montant_brut_avant_degressivite',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Aide au logement avant dégressivité : L + C − PP',
  reference: ['Code de la construction et de l’habitation, art. D823-16'],
  formulas: {
    '2022-07-01': (ctx, period) => {
      const l = ctx.calc('aide_logement_loyer_retenu', period);
      const c = ctx.calc('aide_logement_charges', period);
      const pp = ctx.calc('aide_logement_participation_personnelle', period);
      return mapColumn(Float64Array, l, (v, g) => Math.max(0, v + c[g]! - pp[g]!));
    },
  },
});

const DEPASSEMENT = `${LOCATIF}.depassement_loyer`;

export const aide_logement_loyer_seuil_degressivite = defineVariable({
  name: 'aide_logement_loyer_seuil_degressivite',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Loyer au-delà duquel l’aide au logement décroît (plafond de loyer × coefficient de la zone)',
  reference: ['Code de la construction et de l’habitation, art. D823-16', 'Arrêté du 27 septembre 2019, art. 10'],
  formulas: {
    '2022-07-01': (ctx, period) => {
      const coefficient = byZone(ctx, period, DEPASSEMENT, 'degressivite');
      return ctx.calc('aide_logement_loyer_plafond', period).map((p, g) => p * coefficient[g]!);
    },
  },
});

export const aide_logement_loyer_seuil_suppression = defineVariable({
  name: 'aide_logement_loyer_seuil_suppression',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Loyer au-delà duquel l’aide au logement est supprimée (plafond de loyer × coefficient de la zone)',
  reference: ['Code de la construction et de l’habitation, art. D823-16', 'Arrêté du 27 septembre 2019, art. 10'],
  formulas: {
    '2022-07-01': (ctx, period) => {
      const coefficient = byZone(ctx, period, DEPASSEMENT, 'suppression');
      return ctx.calc('aide_logement_loyer_plafond', period).map((p, g) => p * coefficient[g]!);
    },
  },
});

export const aide_logement_montant_brut = defineVariable({
  name: 'aide_logement_montant_brut',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Aide au logement avant CRDS : après dégressivité pour loyer élevé et minoration forfaitaire de 5 €',
  reference: ['Code de la construction et de l’habitation, art. D823-16', 'Arrêté du 27 septembre 2019, art. 10 et 11'],
  formulas: {
    '2022-07-01': (ctx, period) => {
      const minoration = ctx.param(LOCATIF_MINORATION_FORFAITAIRE, period);
      const avant = ctx.calc('aide_logement_montant_brut_avant_degressivite', period);
      const reel = ofMenage(ctx, 'loyer', period);
      const degressivite = ctx.calc('aide_logement_loyer_seuil_degressivite', period);
      const suppression = ctx.calc('aide_logement_loyer_seuil_suppression', period);
      return mapColumn(Float64Array, avant, (aide, g) => {
        const l = reel[g]!;
        const part =
          l <= degressivite[g]!
            ? 1
            : l >= suppression[g]!
              ? 0
              : 1 - (l - degressivite[g]!) / (suppression[g]! - degressivite[g]!);
        return Math.max(0, aide * part - minoration);
      });
    },
  },
});

export const crds_logement = defineVariable({
  name: 'crds_logement',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'CRDS prélevée sur l’aide au logement (montant négatif, comme OpenFisca-France)',
  reference: ['Ordonnance n° 96-50 du 24 janvier 1996 relative au remboursement de la dette sociale'],
  formulas: {
    '2022-07-01': (ctx, period) => {
      const taux = ctx.param(AL_TAUX_CRDS, period);
      return ctx.calc('aide_logement_montant_brut', period).map((m) => -m * taux);
    },
  },
});

/** OpenFisca-France's TypesAideLogementNonCalculable, in its order. */
const AIDE_LOGEMENT_NON_CALCULABLE = ['calculable', 'locataire_foyer'] as const;

export const aide_logement_non_calculable = defineVariable({
  name: 'aide_logement_non_calculable',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'enum',
  possibleValues: AIDE_LOGEMENT_NON_CALCULABLE,
  label: 'Aide au logement non calculable (locataire en foyer)',
  formulas: {
    '0001-01-01': (ctx, period) => {
      const statut = ofMenage(ctx, 'statut_occupation_logement', period);
      const foyer = statutOccupation('locataire_foyer');
      return mapColumn(Int32Array, statut, (s) => (s === foyer ? 1 : 0));
    },
  },
});

const LOCATAIRES = new Set([
  statutOccupation('locataire_hlm'),
  statutOccupation('locataire_vide'),
  statutOccupation('locataire_meuble'),
]);

/** Tenants paying a rent: the households whose aid Guichet computes. Other situations that may
 *  open a right are refused as "not supported", with the reason. A variable, computed once: the
 *  amount and the resources (whose refusals concern these households only) both ask it. */
export const aide_logement_calculee = defineVariable({
  name: 'aide_logement_calculee',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: "Aide au logement calculée par Guichet (locataire d'un logement ordinaire payant un loyer)",
  formulas: {
    '0001-01-01': (ctx, period) => {
      const statut = ofMenage(ctx, 'statut_occupation_logement', period);
      const rent = ofMenage(ctx, 'loyer', period);
      const refuse = (reason: string, values: ArrayLike<number>, test: (value: number, row: number) => unknown) =>
        ctx.refuse(`non pris en charge : ${reason} (aides au logement)`, 'famille', values, test);
      const eligible = mapColumn(Uint8Array, statut, (s, g) => (LOCATAIRES.has(s) && rent[g]! > 0 ? 1 : 0));
      const check = (name: string, reason: string) =>
        refuse(reason, ofMenage(ctx, name, period), (v, g) => v && eligible[g]);
      refuse(
        'accédants à la propriété remboursant un prêt (aide « accession » non encore calculée)',
        statut,
        (s) => s === statutOccupation('primo_accedant'),
      );
      refuse(
        'résidents de foyer (barème « foyer » non encore calculé)',
        statut,
        (s) => s === statutOccupation('locataire_foyer'),
      );
      refuse(
        "un loyer est donné sans le statut d'occupation du logement",
        statut,
        (s, g) => s === statutOccupation('non_renseigne') && rent[g]! > 0,
      );
      if (!eligible.some(Boolean)) return eligible;
      check('coloc', 'colocation (plafond de loyer réduit)');
      check('logement_chambre', 'logement en chambre (plafond de loyer réduit)');
      check('residence_dom', 'outre-mer (forfait de charges et R0 propres)');
      check('residence_mayotte', 'Mayotte (barème propre)');
      const etudiant = ctx.calc('etudiant', period);
      const { role } = ctx.members('famille');
      const etudiants = ctx.count(
        'famille',
        mapColumn(Uint8Array, etudiant, (e, i) => (e && role[i] === FAMILLE_PARENT ? 1 : 0)),
      );
      refuse('étudiants (forfait de ressources propre)', etudiants, (n, g) => n > 0 && eligible[g]);
      return eligible;
    },
  },
});

export const aide_logement_montant = defineVariable({
  name: 'aide_logement_montant',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Montant mensuel de l’aide au logement versée (APL, ALF ou ALS), net de CRDS',
  reference: [
    'Code de la construction et de l’habitation, art. L823-1 et D823-16 (non versée sous 10 €)',
    'Arrêté du 27 septembre 2019, art. 12',
  ],
  documentation:
    "Locataires d'un logement ordinaire (HLM, vide ou meublé) payant un loyer. Non versée sous 10 € par mois.",
  formulas: {
    '2022-07-01': (ctx, period) => {
      const eligible = ctx.calc('aide_logement_calculee', period);
      if (!eligible.some((e) => e)) return new Float64Array(ctx.length);
      const seuil = ctx.param(AL_SEUIL_VERSEMENT, period);
      const brut = ctx.calc('aide_logement_montant_brut', period);
      const crds = ctx.calc('crds_logement', period);
      return mapColumn(Float64Array, brut, (b, g) => {
        const net = roundCents(b + crds[g]!);
        return eligible[g] && net >= seuil ? net : 0;
      });
    },
  },
});

const byKind = (kind: (conventionne: number, pac: number) => boolean) => (ctx: FormulaContext, period: Period) => {
  const montant = ctx.calc('aide_logement_montant', period);
  const conventionne = ofMenage(ctx, 'logement_conventionne', period);
  const pac = ctx.calc('al_nb_personnes_a_charge', period);
  return mapColumn(Float64Array, montant, (m, g) => (kind(conventionne[g]!, pac[g]!) ? m : 0));
};

export const apl = defineVariable({
  name: 'apl',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Aide personnalisée au logement (APL), logement conventionné',
  reference: ['Code de la construction et de l’habitation, art. L821-1 et L831-1'],
  formulas: { '2022-07-01': byKind((conventionne) => conventionne !== 0) },
});

export const alf = defineVariable({
  name: 'alf',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocation de logement familiale (ALF), foyer avec personne à charge, logement non conventionné',
  reference: ['Code de la construction et de l’habitation, art. L821-1 et L841-1'],
  formulas: { '2022-07-01': byKind((conventionne, pac) => conventionne === 0 && pac > 0) },
});

export const als = defineVariable({
  name: 'als',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Allocation de logement sociale (ALS), sans personne à charge, logement non conventionné',
  reference: ['Code de la construction et de l’habitation, art. L821-1 et L841-1'],
  formulas: { '2022-07-01': byKind((conventionne, pac) => conventionne === 0 && pac === 0) },
});

export const aide_logement = defineVariable({
  name: 'aide_logement',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'float',
  unit: 'currency',
  label: 'Aide personnelle au logement (APL, ALF ou ALS), montant mensuel net de CRDS',
  reference: ['Code de la construction et de l’habitation, art. L821-1'],
  documentation:
    "Calculée pour les locataires depuis juillet 2022 ; peut être donnée en entrée (elle déclenche alors le forfait logement du RSA et de la prime d'activité).",
  formulas: {
    '2022-07-01': (ctx, period) => {
      const aplMontant = ctx.calc('apl', period);
      const alfMontant = ctx.calc('alf', period);
      const alsMontant = ctx.calc('als', period);
      return mapColumn(Float64Array, aplMontant, (a, g) => Math.max(a, alfMontant[g]!, alsMontant[g]!));
    },
  },
});

export const VARIABLES = [
  loyer,
  zone_apl,
  logement_conventionne,
  coloc,
  logement_chambre,
  residence_dom,
  al_nb_personnes_a_charge,
  al_couple,
  aide_logement_base_ressources,
  aide_logement_loyer_plafond,
  aide_logement_loyer_retenu,
  aide_logement_charges,
  aide_logement_R0,
  aide_logement_taux_famille,
  aide_logement_loyer_reference,
  aide_logement_taux_loyer,
  aide_logement_participation_personnelle,
  aide_logement_montant_brut_avant_degressivite,
  aide_logement_loyer_seuil_degressivite,
  aide_logement_loyer_seuil_suppression,
  aide_logement_montant_brut,
  crds_logement,
  aide_logement_non_calculable,
  aide_logement_calculee,
  aide_logement_montant,
  apl,
  alf,
  als,
  aide_logement,
];
