// The building blocks of the synthetic population: a seeded generator over real communes, persons
// with valid NIRs coherent with sex, birth date and birth place, and the OpenFisca groups of a
// dwelling. The random households are in demo-households.ts, the fixed ones in demo-showcase.ts.
import { buildNir } from './nir.ts';
import { loadCommunes, type Commune, type CommuneIndex } from './communes.ts';
import { DEPARTMENT_CENTRES } from './department-centres.ts';
import { BIRTH_COUNTRIES, GIVEN_NAMES, STREETS } from './demo-names.ts';
import { createRandom, createWeightedPicker, type Random } from './random.ts';
import type { Address, Situation } from './person-file.ts';
import type {
  Body,
  EmploymentStatus,
  FamilleRole,
  FoyerFiscalRole,
  MenageRole,
  StatutMarital,
  StatutOccupationLogement,
  ZoneApl,
} from './vocabulary.ts';

export const DEMO_DOMAIN = 'demo.guichet.fr';

export type DemoPerson = {
  id: string;
  nir: string;
  givenNames: string;
  familyName: string;
  usageName: string | null;
  birthDate: string;
  birthPlace: string;
  birthCountry: string;
  sex: 'F' | 'M';
  email: string | null;
  phone: string | null;
  address: Address;
  situation: Situation;
  /** Demo login of an adult (also their e-mail); null for a minor. */
  login: string | null;
};

export type DemoGroup<R extends string> = { id: string; members: { personId: string; role: R }[] };
export type DemoMenage = DemoGroup<MenageRole> & {
  statutOccupationLogement: StatutOccupationLogement;
  loyerCents: number;
  zoneApl: ZoneApl;
  depcom: string;
};
export type DemoHousehold = {
  persons: DemoPerson[];
  familles: DemoGroup<FamilleRole>[];
  foyersFiscaux: DemoGroup<FoyerFiscalRole>[];
  menage: DemoMenage;
};
export type DemoAgent = {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  body: Body | null;
  function: string;
  role: 'agent' | 'admin';
};
/** A login of the embedded identity provider, with the claims FranceConnect or ProConnect would send. */
export type DemoIdentity = { login: string; audience: 'citizen' | 'agent'; claims: Record<string, string> };
export type DemoPopulation = { households: DemoHousehold[]; agents: DemoAgent[]; identities: DemoIdentity[] };

export type Residence = { commune: Commune; zoneApl: ZoneApl; address: Address };

const DAY = 86_400_000;
export const toDays = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const fromDays = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);

/** Whole years between two ISO dates. */
export const ageOn = (birthDate: string, on: string) => {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
};

/** Lower-case ASCII for logins: "Françoise Le Gall" → "francoise", "le-gall". */
export const slug = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const zoneOf = (commune: Commune, parent: Commune | undefined): ZoneApl => {
  const department = commune.department;
  if (['75', '92', '93', '94'].includes(department)) return 'zone_1';
  if (['77', '78', '91', '95'].includes(department) || department.startsWith('97')) return 'zone_2';
  return (parent ?? commune).population >= 100_000 ? 'zone_2' : 'zone_3';
};

/** Everything a household builder needs: the seeded stream, the communes, the NIR registry. */
export type Generator = ReturnType<typeof createGenerator>;

export const createGenerator = ({ seed, today }: { seed: number; today: string }) => {
  const random = createRandom(seed);
  const communes: CommuneIndex = loadCommunes();
  const pickCommune = createWeightedPicker(communes.communes, (commune) => commune.population);
  const byDepartment = new Map<string, (random: Random) => Commune>();
  const pickInDepartment = (department: string) => {
    let picker = byDepartment.get(department);
    if (!picker) {
      picker = createWeightedPicker(
        communes.communes.filter((commune) => commune.department === department),
        (commune) => commune.population,
      );
      byDepartment.set(department, picker);
    }
    return picker(random);
  };
  const usedOrders = new Map<string, Set<number>>();
  const todayDays = toDays(today);
  let loginSerial = 0;

  const commune = (code: string) => {
    const found = communes.byCode.get(code);
    if (!found) throw new Error(`Commune inconnue dans le COG : ${code}`);
    return found;
  };
  const withArrondissement = (chosen: Commune) =>
    chosen.arrondissements.length ? random.pick(chosen.arrondissements) : chosen;

  const residenceAt = (code: string, label?: string): Residence => {
    const place = commune(code);
    const parent = place.parentCode ? commune(place.parentCode) : undefined;
    const [lat, lon] = DEPARTMENT_CENTRES[place.department] ?? [null, null];
    return {
      commune: place,
      zoneApl: zoneOf(place, parent),
      address: {
        label: label ?? `${random.int(1, 120)} ${random.pick(STREETS)}`,
        postcode: place.postcodes[0]!,
        communeCode: place.code,
        communeName: parent ? place.name.replace(/ Arrondissement$/, '') : place.name,
        lat,
        lon,
      },
    };
  };

  const birthPlace = (residence: Residence, isChild: boolean) => {
    if (random.chance(isChild ? 0.02 : 0.1)) {
      const country = random.weighted(BIRTH_COUNTRIES);
      return { birthPlace: country, birthCountry: country };
    }
    const department = residence.commune.department;
    const place = random.chance(isChild ? 0.8 : 0.5) ? pickInDepartment(department) : pickCommune(random);
    return { birthPlace: withArrondissement(place).code, birthCountry: '99100' };
  };

  const nir = (sex: 'F' | 'M', birthDate: string, place: string) => {
    const key = `${sex}${birthDate.slice(0, 7)}${place}`;
    const used = usedOrders.get(key) ?? new Set<number>();
    usedOrders.set(key, used);
    let order = random.int(1, 999);
    while (used.has(order)) order = (order % 999) + 1;
    used.add(order);
    return buildNir({ sex, birthDate, birthPlace: place, order });
  };

  const givenNames = (sex: 'F' | 'M', birthDate: string) => {
    const decade = Math.min(2020, Math.max(1920, Math.floor(Number(birthDate.slice(0, 4)) / 10) * 10));
    const list = GIVEN_NAMES[sex][decade] ?? GIVEN_NAMES[sex][decade - 10]!;
    const first = random.pick(list);
    const second = random.pick(list);
    return random.chance(0.45) && second !== first ? `${first} ${second}` : first;
  };

  const login = (firstName: string, name: string, isShowcase: boolean) =>
    isShowcase
      ? `${slug(firstName)}.${slug(name)}@${DEMO_DOMAIN}`
      : `${slug(firstName)}.${slug(name)}.${String(++loginSerial).padStart(4, '0')}@${DEMO_DOMAIN}`;

  /** A birth date for someone of `age` whole years today. */
  const birthDateForAge = (age: number) => fromDays(todayDays - Math.floor((age + 1) * 365.25) + random.int(2, 364));

  return {
    random,
    today,
    todayDays,
    commune,
    residenceAt,
    pickCommune,
    withArrondissement,
    birthPlace,
    nir,
    givenNames,
    login,
    birthDateForAge,
  };
};

export type PersonSpec = {
  sex: 'F' | 'M';
  birthDate: string;
  familyName: string;
  usageName?: string | null;
  givenNames?: string;
  birthPlace?: string;
  employmentStatus: EmploymentStatus;
  statutMarital?: StatutMarital;
  monthlyNetSalaryCents?: number;
  monthlyUnemploymentBenefitCents?: number;
  monthlyPensionCents?: number;
  disabilityRate?: number;
  pregnancyDueDate?: string | null;
  isShowcase?: boolean;
};

/** One person living at `residence`; adults (18+) get a demo login, used as their e-mail. */
export const makePerson = (generator: Generator, residence: Residence, spec: PersonSpec): DemoPerson => {
  const { random } = generator;
  const isAdult = ageOn(spec.birthDate, generator.today) >= 18;
  const place = spec.birthPlace
    ? { birthPlace: spec.birthPlace, birthCountry: spec.birthPlace.startsWith('99') ? spec.birthPlace : '99100' }
    : generator.birthPlace(residence, !isAdult);
  const givenNames = spec.givenNames ?? generator.givenNames(spec.sex, spec.birthDate);
  const usageName = spec.usageName ?? null;
  const login = isAdult
    ? generator.login(givenNames.split(' ')[0]!, usageName ?? spec.familyName, spec.isShowcase ?? false)
    : null;
  return {
    id: random.uuid(),
    nir: generator.nir(spec.sex, spec.birthDate, place.birthPlace),
    givenNames,
    familyName: spec.familyName,
    usageName,
    birthDate: spec.birthDate,
    ...place,
    sex: spec.sex,
    email: login,
    phone: isAdult ? `+33${random.pick(['6', '7'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}` : null,
    address: residence.address,
    situation: {
      employmentStatus: spec.employmentStatus,
      statutMarital: spec.statutMarital ?? 'celibataire',
      monthlyNetSalaryCents: spec.monthlyNetSalaryCents ?? 0,
      monthlyUnemploymentBenefitCents: spec.monthlyUnemploymentBenefitCents ?? 0,
      monthlyPensionCents: spec.monthlyPensionCents ?? 0,
      disabilityRate: spec.disabilityRate ?? 0,
      isPregnant: Boolean(spec.pregnancyDueDate),
      pregnancyDueDate: spec.pregnancyDueDate ?? null,
    },
    login,
  };
};

/** The OpenFisca groups of one dwelling: a couple (or a lone adult) with their children, plus lodged adults. */
export const makeHousehold = (
  generator: Generator,
  {
    adults,
    children,
    others = [],
    isJointTaxation,
    housing,
  }: {
    adults: DemoPerson[];
    children: DemoPerson[];
    others?: DemoPerson[];
    isJointTaxation: boolean;
    housing: { statutOccupationLogement: StatutOccupationLogement; loyerCents: number; residence: Residence };
  },
): DemoHousehold => {
  const { random } = generator;
  const [first, second] = adults;
  const pac = children.map((child) => ({ personId: child.id, role: 'personnes_a_charge' as const }));
  // Married or PACS partners file one tax return; cohabiting partners each file their own, the
  // children on the first one's.
  const foyersFiscaux: DemoGroup<FoyerFiscalRole>[] = isJointTaxation
    ? [
        {
          id: random.uuid(),
          members: [...adults.map((a) => ({ personId: a.id, role: 'declarants' as const })), ...pac],
        },
      ]
    : adults.map((adult, index) => ({
        id: random.uuid(),
        members: [{ personId: adult.id, role: 'declarants' as const }, ...(index === 0 ? pac : [])],
      }));
  const familles: DemoGroup<FamilleRole>[] = [
    {
      id: random.uuid(),
      members: [
        ...adults.map((a) => ({ personId: a.id, role: 'parents' as const })),
        ...children.map((c) => ({ personId: c.id, role: 'enfants' as const })),
      ],
    },
  ];
  for (const other of others) {
    familles.push({ id: random.uuid(), members: [{ personId: other.id, role: 'parents' }] });
    foyersFiscaux.push({ id: random.uuid(), members: [{ personId: other.id, role: 'declarants' }] });
  }
  return {
    persons: [...adults, ...children, ...others],
    familles,
    foyersFiscaux,
    menage: {
      id: random.uuid(),
      members: [
        { personId: first!.id, role: 'personne_de_reference' },
        ...(second ? [{ personId: second.id, role: 'conjoint' as const }] : []),
        ...children.map((c) => ({ personId: c.id, role: 'enfants' as const })),
        ...others.map((o) => ({ personId: o.id, role: 'autres' as const })),
      ],
      statutOccupationLogement: housing.statutOccupationLogement,
      loyerCents: housing.loyerCents,
      zoneApl: housing.residence.zoneApl,
      depcom: housing.residence.commune.code,
    },
  };
};

/** FranceConnect-like claims of a demo citizen (pivot identity, plus e-mail and usage name). */
export const citizenIdentity = (person: DemoPerson): DemoIdentity => ({
  login: person.login!,
  audience: 'citizen',
  claims: {
    given_name: person.givenNames,
    family_name: person.familyName,
    birthdate: person.birthDate,
    gender: person.sex === 'F' ? 'female' : 'male',
    birthplace: person.birthCountry === '99100' ? person.birthPlace : '',
    birthcountry: person.birthCountry,
    email: person.email ?? person.login!,
    preferred_username: person.usageName ?? '',
  },
});

/** ProConnect-like claims of a demo agent. */
export const agentIdentity = (agent: DemoAgent): DemoIdentity => ({
  login: agent.email,
  audience: 'agent',
  claims: { given_name: agent.givenName, usual_name: agent.familyName, email: agent.email, uid: agent.id },
});
