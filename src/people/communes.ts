// The communes of France (INSEE's Code officiel géographique, as packaged by Etalab in
// @etalab/decoupage-administratif): where the demo population lives and was born.
import fs from 'node:fs';
import { createRequire } from 'node:module';

type RawCommune = {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  commune?: string;
  codesPostaux?: string[];
  population?: number;
};

export type Commune = {
  code: string;
  name: string;
  department: string;
  postcodes: string[];
  population: number;
  /** For Paris, Lyon and Marseille: their arrondissements municipaux (births and addresses use them). */
  arrondissements: Commune[];
  /** For an arrondissement municipal: the code of its commune (75056, 69123, 13055). */
  parentCode: string | null;
};

export type CommuneIndex = {
  /** Current communes of metropolitan France and the DROM that have people and a postcode. */
  communes: Commune[];
  byCode: Map<string, Commune>;
};

let index: CommuneIndex | undefined;

/** Loads the communes once per process (8 MB of JSON, ~0.2 s). */
export const loadCommunes = (): CommuneIndex => {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawCommune[];
  const toCommune = (entry: RawCommune): Commune => ({
    code: entry.code,
    name: entry.nom,
    department: entry.departement,
    postcodes: entry.codesPostaux ?? [],
    population: entry.population ?? 0,
    arrondissements: [],
    parentCode: entry.commune ?? null,
  });
  const communes = raw
    .filter(
      (entry) =>
        entry.type === 'commune-actuelle' &&
        (entry.zone === 'metro' || entry.zone === 'drom') &&
        (entry.population ?? 0) > 0,
    )
    .map(toCommune);
  const byCode = new Map(communes.map((commune) => [commune.code, commune]));
  for (const entry of raw) {
    if (entry.type !== 'arrondissement-municipal' || !entry.commune) continue;
    const arrondissement = toCommune(entry);
    byCode.get(entry.commune)?.arrondissements.push(arrondissement);
    byCode.set(arrondissement.code, arrondissement);
  }
  index = {
    communes: communes.filter((commune) => commune.postcodes.length > 0 || commune.arrondissements.length > 0),
    byCode,
  };
  return index;
};
