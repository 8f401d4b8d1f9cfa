// Random households of the usual French shapes. The shares, ages and medians below only shape
// demo data (roughly like INSEE's census tables); they are not statistics to quote, and no rule of
// law reads them.
import { FAMILY_NAMES } from './demo-names.ts';
import {
  ageOn,
  fromDays,
  makeHousehold,
  makePerson,
  type DemoHousehold,
  type DemoPerson,
  type Generator,
  type PersonSpec,
  type Residence,
} from './demo-population.ts';
import type { EmploymentStatus, StatutMarital, StatutOccupationLogement } from './vocabulary.ts';

type Shape = 'alone' | 'couple' | 'couple_with_children' | 'single_parent' | 'with_elderly_parent';

const SHAPES: readonly (readonly [Shape, number])[] = [
  ['alone', 35],
  ['couple', 26],
  ['couple_with_children', 25],
  ['single_parent', 9],
  ['with_elderly_parent', 5],
];

const euros = (amount: number) => Math.round(amount) * 100;

const adultStatus = (generator: Generator, age: number): EmploymentStatus => {
  const { weighted } = generator.random;
  if (age <= 25)
    return weighted([
      ['etudiant', 35],
      ['salarie', 45],
      ['chomeur', 14],
      ['inactif', 6],
    ] as const);
  if (age <= 61)
    return weighted([
      ['salarie', 70],
      ['independant', 9],
      ['chomeur', 9],
      ['inactif', 8],
    ] as const);
  if (age <= 66)
    return weighted([
      ['retraite', 60],
      ['salarie', 28],
      ['chomeur', 5],
      ['inactif', 7],
    ] as const);
  return weighted([
    ['retraite', 97],
    ['inactif', 3],
  ] as const);
};

// Income follows the status: log-normal around a median, so that a few earn much more.
const incomes = (generator: Generator, status: EmploymentStatus, sex: 'F' | 'M'): Partial<PersonSpec> => {
  const { random } = generator;
  switch (status) {
    case 'salarie': {
      const fullTime = random.logNormal(2100, 0.35);
      return { monthlyNetSalaryCents: euros(Math.max(450, random.chance(0.15) ? fullTime * 0.55 : fullTime)) };
    }
    case 'independant':
      return { monthlyNetSalaryCents: euros(Math.max(150, random.logNormal(1900, 0.6))) };
    case 'chomeur':
      return random.chance(0.7)
        ? { monthlyUnemploymentBenefitCents: euros(Math.max(300, random.logNormal(1100, 0.3))) }
        : {};
    case 'retraite':
      return { monthlyPensionCents: euros(Math.max(300, random.logNormal(sex === 'F' ? 1250 : 1650, 0.4))) };
    case 'etudiant':
      return random.chance(0.3) ? { monthlyNetSalaryCents: euros(random.int(250, 900)) } : {};
    default:
      return {};
  }
};

const adultSpec = (
  generator: Generator,
  {
    sex,
    age,
    familyName,
    usageName,
    statutMarital,
  }: { sex: 'F' | 'M'; age: number; familyName: string; usageName?: string | null; statutMarital: StatutMarital },
): PersonSpec => {
  const { random } = generator;
  const disabilityRate = random.chance(0.04) ? (random.chance(0.65) ? random.int(80, 95) : random.int(50, 79)) : 0;
  const status =
    disabilityRate >= 80 && age >= 20 && age <= 61 && random.chance(0.6) ? 'inactif' : adultStatus(generator, age);
  return {
    sex,
    birthDate: generator.birthDateForAge(age),
    familyName,
    usageName: usageName ?? null,
    employmentStatus: status,
    statutMarital,
    disabilityRate,
    ...incomes(generator, status, sex),
  };
};

const childSpec = (generator: Generator, { age, familyName }: { age: number; familyName: string }): PersonSpec => {
  const { random } = generator;
  const sex = random.chance(0.51) ? 'M' : 'F';
  const status: EmploymentStatus =
    age < 3
      ? 'inactif'
      : age < 18
        ? 'scolarise'
        : random.weighted([
            ['etudiant', 60],
            ['salarie', 25],
            ['chomeur', 15],
          ] as const);
  return {
    sex,
    birthDate: generator.birthDateForAge(age),
    familyName,
    employmentStatus: status,
    disabilityRate: random.chance(0.015) ? random.int(50, 80) : 0,
    ...(age >= 18 ? incomes(generator, status, sex) : {}),
  };
};

// Children aged 0 to 20, born when their parent (aged `parentAge`) was at least 19.
const childrenAges = (generator: Generator, parentAge: number) => {
  const { random } = generator;
  const oldest = Math.min(20, parentAge - 19);
  if (oldest < 0) return [];
  const count = random.weighted([
    [1, 40],
    [2, 40],
    [3, 15],
    [4, 5],
  ] as const);
  return Array.from({ length: count }, () => random.int(0, oldest)).sort((a, b) => b - a);
};

// Owners are older and better off; tenants of social housing poorer; rent from the zone and the size.
const housing = (
  generator: Generator,
  residence: Residence,
  { referenceAge, size, monthlyIncomeCents }: { referenceAge: number; size: number; monthlyIncomeCents: number },
) => {
  const { random } = generator;
  const ownership = referenceAge < 30 ? 0.15 : referenceAge < 45 ? 0.45 : referenceAge < 60 ? 0.62 : 0.73;
  const isLowIncome = monthlyIncomeCents < 150_000 * Math.max(1, size / 2);
  let statut: StatutOccupationLogement;
  if (random.chance(0.02)) statut = 'loge_gratuitement';
  else if (random.chance(isLowIncome ? ownership * 0.5 : ownership))
    statut = referenceAge < 45 && random.chance(0.5) ? 'primo_accedant' : 'proprietaire';
  else if (random.chance(isLowIncome ? 0.55 : 0.25)) statut = 'locataire_hlm';
  else statut = referenceAge < 30 && random.chance(0.3) ? 'locataire_meuble' : 'locataire_vide';
  const isTenant = statut.startsWith('locataire');
  const squareMetres = 22 + 16 * size + random.int(-8, 12);
  const perSquareMetre =
    { zone_1: 24, zone_2: 13, zone_3: 9.5 }[residence.zoneApl] *
    (statut === 'locataire_hlm' ? 0.5 : statut === 'locataire_meuble' ? 1.15 : 1);
  return {
    statutOccupationLogement: statut,
    loyerCents: isTenant ? euros(squareMetres * perSquareMetre) : 0,
    residence,
  };
};

const monthlyIncome = (persons: DemoPerson[]) =>
  persons.reduce(
    (sum, { situation: s }) =>
      sum + s.monthlyNetSalaryCents + s.monthlyUnemploymentBenefitCents + s.monthlyPensionCents,
    0,
  );

const coupleStatut = (generator: Generator, age: number): StatutMarital =>
  generator.random.weighted(
    age >= 60
      ? ([
          ['marie', 80],
          ['pacse', 5],
          ['celibataire', 15],
        ] as const)
      : ([
          ['marie', 42],
          ['pacse', 22],
          ['celibataire', 36],
        ] as const),
  );

const aloneStatut = (generator: Generator, age: number): StatutMarital =>
  age >= 70
    ? generator.random.weighted([
        ['veuf', 55],
        ['divorce', 15],
        ['celibataire', 30],
      ] as const)
    : age >= 40
      ? generator.random.weighted([
          ['divorce', 35],
          ['veuf', 5],
          ['celibataire', 60],
        ] as const)
      : 'celibataire';

const couple = (generator: Generator, residence: Residence, womanAge: number) => {
  const { random } = generator;
  const manAge = Math.max(18, womanAge + Math.round(2 + 3 * random.normal()));
  const statut = coupleStatut(generator, Math.max(womanAge, manAge));
  const manName = random.pick(FAMILY_NAMES);
  const womanName = random.pick(FAMILY_NAMES);
  const man = makePerson(
    generator,
    residence,
    adultSpec(generator, { sex: 'M', age: manAge, familyName: manName, statutMarital: statut }),
  );
  const womanSpec = adultSpec(generator, {
    sex: 'F',
    age: womanAge,
    familyName: womanName,
    usageName: statut === 'marie' && random.chance(0.7) ? manName : null,
    statutMarital: statut,
  });
  const canBePregnant = womanAge >= 20 && womanAge <= 42 && womanSpec.employmentStatus !== 'retraite';
  if (canBePregnant && random.chance(0.06))
    womanSpec.pregnancyDueDate = fromDays(generator.todayDays + random.int(14, 250));
  const woman = makePerson(generator, residence, womanSpec);
  const childName = random.chance(0.88) ? manName : `${manName} ${womanName}`;
  return { man, woman, statut, childName, manAge };
};

/** One random household at a commune drawn by population. */
export const randomHousehold = (generator: Generator): DemoHousehold => {
  const { random } = generator;
  const residence = generator.residenceAt(generator.withArrondissement(generator.pickCommune(random)).code);
  const shape = random.weighted(SHAPES);
  const familyName = () => random.pick(FAMILY_NAMES);
  const build = (adults: DemoPerson[], children: DemoPerson[], isJointTaxation: boolean, others: DemoPerson[] = []) => {
    const reference = adults[0]!;
    return makeHousehold(generator, {
      adults,
      children,
      others,
      isJointTaxation,
      housing: housing(generator, residence, {
        referenceAge: ageOn(reference.birthDate, generator.today),
        size: adults.length + children.length + others.length,
        monthlyIncomeCents: monthlyIncome([...adults, ...children, ...others]),
      }),
    });
  };

  switch (shape) {
    case 'alone': {
      const age = random.weighted([
        [random.int(20, 29), 20],
        [random.int(30, 44), 18],
        [random.int(45, 59), 20],
        [random.int(60, 74), 22],
        [random.int(75, 95), 20],
      ] as const);
      const sex = random.chance(age >= 75 ? 0.7 : 0.5) ? 'F' : 'M';
      return build(
        [
          makePerson(
            generator,
            residence,
            adultSpec(generator, { sex, age, familyName: familyName(), statutMarital: aloneStatut(generator, age) }),
          ),
        ],
        [],
        false,
      );
    }
    case 'couple': {
      const womanAge = random.weighted([
        [random.int(22, 38), 35],
        [random.int(39, 55), 20],
        [random.int(56, 90), 45],
      ] as const);
      const { man, woman, statut } = couple(generator, residence, womanAge);
      return build([man, woman], [], statut !== 'celibataire');
    }
    case 'couple_with_children': {
      const womanAge = random.int(24, 52);
      const { man, woman, statut, childName, manAge } = couple(generator, residence, womanAge);
      const ages = childrenAges(generator, Math.min(womanAge, manAge));
      const children = ages.map((age) =>
        makePerson(generator, residence, childSpec(generator, { age, familyName: childName })),
      );
      return build([man, woman], children, statut !== 'celibataire');
    }
    case 'single_parent': {
      const age = random.int(22, 55);
      const sex = random.chance(0.85) ? 'F' : 'M';
      const name = familyName();
      const parent = makePerson(
        generator,
        residence,
        adultSpec(generator, {
          sex,
          age,
          familyName: name,
          statutMarital: random.weighted([
            ['divorce', 40],
            ['celibataire', 55],
            ['veuf', 5],
          ] as const),
        }),
      );
      const childName = sex === 'F' && random.chance(0.4) ? familyName() : name;
      const ages = childrenAges(generator, age);
      const children = (ages.length ? ages : [0]).map((childAge) =>
        makePerson(generator, residence, childSpec(generator, { age: childAge, familyName: childName })),
      );
      return build([parent], children, false);
    }
    case 'with_elderly_parent': {
      const age = random.int(45, 65);
      const sex = random.chance(0.55) ? 'F' : 'M';
      const name = familyName();
      const host = makePerson(
        generator,
        residence,
        adultSpec(generator, { sex, age, familyName: name, statutMarital: aloneStatut(generator, age) }),
      );
      const parentAge = Math.min(100, age + random.int(20, 35));
      // A widowed mother kept her late husband's name as usage name; her birth name is her own.
      const isMother = random.chance(0.75);
      const elderly = makePerson(
        generator,
        residence,
        adultSpec(generator, {
          sex: isMother ? 'F' : 'M',
          age: parentAge,
          familyName: isMother ? familyName() : name,
          usageName: isMother ? name : null,
          statutMarital: 'veuf',
        }),
      );
      return build([host], [], false, [elderly]);
    }
  }
};
