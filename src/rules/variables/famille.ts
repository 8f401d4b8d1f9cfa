// Family situation shared by the family benefits: couple or single parent, and the "two
// incomes" test that raises the CF and PAJE ceilings (OpenFisca-France's en_couple, biactivite).
import { FAMILLE_PARENT } from '../engine/entities.ts';
import { nMinus2 } from '../engine/period.ts';
import { defineVariable } from '../engine/variable.ts';

const PF = 'prestations_sociales.prestations_familiales';
const PF_BMAF = `${PF}.bmaf`;
const PF_DEF_BIACTIF_REVENU_PLANCHER_EN_BMAF = `${PF}.def_biactif.revenu_plancher_en_bmaf`;

export const en_couple = defineVariable({
  name: 'en_couple',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Famille comptant deux parents (couple)',
  formulas: {
    '0001-01-01': (ctx) => {
      const parents = ctx.count('famille', new Uint8Array(ctx.members('famille').group.length).fill(1), FAMILLE_PARENT);
      const result = new Uint8Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = parents[g] === 2 ? 1 : 0;
      return result;
    },
  },
});

export const biactivite = defineVariable({
  name: 'biactivite',
  entity: 'famille',
  definitionPeriod: 'month',
  valueType: 'bool',
  label: 'Couple dont chacun des deux membres a eu, en N-2, un revenu professionnel d’au moins 12 BMAF',
  reference: ['Code de la sécurité sociale, art. R522-2 et D531-3'],
  documentation:
    "Seuil : 12 fois la BMAF en vigueur au 1er janvier de l'année N-2, comparé à la base ressources individuelle N-2 (convention d'OpenFisca-France).",
  formulas: {
    '0001-01-01': (ctx, period) => {
      const n2 = nMinus2(period);
      const floor = ctx.param(PF_DEF_BIACTIF_REVENU_PLANCHER_EN_BMAF, n2) * ctx.param(PF_BMAF, n2);
      const ressources = ctx.calc('prestations_familiales_base_ressources_individu', period);
      const { role } = ctx.members('famille');
      const parent = new Uint8Array(role.length);
      const earner = new Uint8Array(role.length);
      for (let i = 0; i < role.length; i++) {
        parent[i] = role[i] === FAMILLE_PARENT ? 1 : 0;
        earner[i] = parent[i] && ressources[i]! >= floor ? 1 : 0;
      }
      const parents = ctx.count('famille', parent);
      const earners = ctx.count('famille', earner);
      const result = new Uint8Array(ctx.length);
      for (let g = 0; g < result.length; g++) result[g] = parents[g] === 2 && earners[g] === 2 ? 1 : 0;
      return result;
    },
  },
});
