// The fixed people of every demo: households that show one situation each, with logins named
// after them (camille.martin@demo.guichet.fr…), and one agent per body plus an administrator.
// Amounts are demo values, not legal ones.
import {
  DEMO_DOMAIN,
  fromDays,
  makeHousehold,
  makePerson,
  type DemoAgent,
  type DemoHousehold,
  type Generator,
} from './demo-population.ts';

export const DEMO_AGENTS: Omit<DemoAgent, 'id'>[] = [
  {
    email: `agent.caf@${DEMO_DOMAIN}`,
    givenName: 'Claire',
    familyName: 'Dubois',
    body: 'caf',
    function: 'gestionnaire conseil',
    role: 'agent',
  },
  {
    email: `agent.cpam@${DEMO_DOMAIN}`,
    givenName: 'Paul',
    familyName: 'Lambert',
    body: 'cpam',
    function: 'conseiller assurance maladie',
    role: 'agent',
  },
  {
    email: `agent.msa@${DEMO_DOMAIN}`,
    givenName: 'Hélène',
    familyName: 'Faure',
    body: 'msa',
    function: 'conseillère protection sociale',
    role: 'agent',
  },
  {
    email: `agent.urssaf@${DEMO_DOMAIN}`,
    givenName: 'Marc',
    familyName: 'Rousseau',
    body: 'urssaf',
    function: 'gestionnaire du recouvrement',
    role: 'agent',
  },
  {
    email: `agent.france-travail@${DEMO_DOMAIN}`,
    givenName: 'Sonia',
    familyName: 'Mercier',
    body: 'france-travail',
    function: 'conseillère emploi',
    role: 'agent',
  },
  {
    email: `agent.cnav@${DEMO_DOMAIN}`,
    givenName: 'Luc',
    familyName: 'Bonnet',
    body: 'cnav',
    function: 'conseiller retraite',
    role: 'agent',
  },
  {
    email: `agent.dgfip@${DEMO_DOMAIN}`,
    givenName: 'Anne',
    familyName: 'Lefèvre',
    body: 'dgfip',
    function: 'agente des finances publiques',
    role: 'agent',
  },
  {
    email: `agent.etat-civil@${DEMO_DOMAIN}`,
    givenName: 'Hugo',
    familyName: 'Chevalier',
    body: 'etat-civil',
    function: 'officier d’état civil',
    role: 'agent',
  },
  {
    email: `admin@${DEMO_DOMAIN}`,
    givenName: 'Dominique',
    familyName: 'Garnier',
    body: null,
    function: 'administratrice',
    role: 'admin',
  },
];

const euros = (amount: number) => amount * 100;

export const showcaseHouseholds = (generator: Generator): DemoHousehold[] => {
  const make = makePerson.bind(null, generator);

  // Camille Martin and Julien Roux, PACS partners in Lyon, a son of 4, a baby expected.
  const lyon = generator.residenceAt('69383', '24 rue Paul-Bert');
  const camille = make(lyon, {
    sex: 'F',
    givenNames: 'Camille Marie',
    birthDate: '1992-05-14',
    birthPlace: '69383',
    familyName: 'Martin',
    employmentStatus: 'salarie',
    statutMarital: 'pacse',
    monthlyNetSalaryCents: euros(2350),
    pregnancyDueDate: fromDays(generator.todayDays + 120),
    isShowcase: true,
  });
  const julien = make(lyon, {
    sex: 'M',
    givenNames: 'Julien',
    birthDate: '1990-11-02',
    birthPlace: '38185',
    familyName: 'Roux',
    employmentStatus: 'salarie',
    statutMarital: 'pacse',
    monthlyNetSalaryCents: euros(2650),
    isShowcase: true,
  });
  const lucas = make(lyon, {
    sex: 'M',
    givenNames: 'Lucas',
    birthDate: '2021-09-03',
    birthPlace: '69387',
    familyName: 'Roux',
    employmentStatus: 'scolarise',
  });

  // Nadia Benali, divorced, part-time, two children, social housing in Roubaix.
  const roubaix = generator.residenceAt('59512', '7 rue de l’Alma');
  const nadia = make(roubaix, {
    sex: 'F',
    givenNames: 'Nadia',
    birthDate: '1986-02-21',
    birthPlace: '59512',
    familyName: 'Benali',
    employmentStatus: 'salarie',
    statutMarital: 'divorce',
    monthlyNetSalaryCents: euros(1280),
    isShowcase: true,
  });
  const ines = make(roubaix, {
    sex: 'F',
    givenNames: 'Inès',
    birthDate: '2012-06-10',
    birthPlace: '59350',
    familyName: 'Benali',
    employmentStatus: 'scolarise',
  });
  const adam = make(roubaix, {
    sex: 'M',
    givenNames: 'Adam',
    birthDate: '2017-03-28',
    birthPlace: '59350',
    familyName: 'Benali',
    employmentStatus: 'scolarise',
  });

  // Jean and Françoise Dupont, married, retired, owners in Quimper.
  const quimper = generator.residenceAt('29232', '3 rue Élie-Fréron');
  const jean = make(quimper, {
    sex: 'M',
    givenNames: 'Jean Yves',
    birthDate: '1947-03-08',
    birthPlace: '29232',
    familyName: 'Dupont',
    employmentStatus: 'retraite',
    statutMarital: 'marie',
    monthlyPensionCents: euros(1850),
    isShowcase: true,
  });
  const francoise = make(quimper, {
    sex: 'F',
    givenNames: 'Françoise',
    birthDate: '1949-07-19',
    birthPlace: '29019',
    familyName: 'Moreau',
    usageName: 'Dupont',
    employmentStatus: 'retraite',
    statutMarital: 'marie',
    monthlyPensionCents: euros(1150),
    isShowcase: true,
  });

  // Maxime Girard, looking for work, a furnished studio in Paris 18e.
  const paris = generator.residenceAt('75118', '41 rue Ordener');
  const maxime = make(paris, {
    sex: 'M',
    givenNames: 'Maxime',
    birthDate: '1996-01-30',
    birthPlace: '75115',
    familyName: 'Girard',
    employmentStatus: 'chomeur',
    monthlyUnemploymentBenefitCents: euros(1020),
    isShowcase: true,
  });

  // Élodie Fontaine, disability rate 80 %, not working, social housing in Toulouse.
  const toulouse = generator.residenceAt('31555', '15 avenue de Muret');
  const elodie = make(toulouse, {
    sex: 'F',
    givenNames: 'Élodie',
    birthDate: '1984-10-12',
    birthPlace: '31555',
    familyName: 'Fontaine',
    employmentStatus: 'inactif',
    disabilityRate: 80,
    isShowcase: true,
  });

  const households = [
    makeHousehold(generator, {
      adults: [camille, julien],
      children: [lucas],
      isJointTaxation: true,
      housing: { statutOccupationLogement: 'locataire_vide', loyerCents: euros(1050), residence: lyon },
    }),
    makeHousehold(generator, {
      adults: [nadia],
      children: [ines, adam],
      isJointTaxation: false,
      housing: { statutOccupationLogement: 'locataire_hlm', loyerCents: euros(520), residence: roubaix },
    }),
    makeHousehold(generator, {
      adults: [jean, francoise],
      children: [],
      isJointTaxation: true,
      housing: { statutOccupationLogement: 'proprietaire', loyerCents: 0, residence: quimper },
    }),
    makeHousehold(generator, {
      adults: [maxime],
      children: [],
      isJointTaxation: false,
      housing: { statutOccupationLogement: 'locataire_meuble', loyerCents: euros(780), residence: paris },
    }),
    makeHousehold(generator, {
      adults: [elodie],
      children: [],
      isJointTaxation: false,
      housing: { statutOccupationLogement: 'locataire_hlm', loyerCents: euros(430), residence: toulouse },
    }),
  ];

  // Households added later draw from the generator after all the others, so that the earlier
  // families keep their identifiers (and, with them, which body serves them: CAF or MSA).
  // Sylvie Lemoine, 63, salaried in Nantes, about to retire (the retirement journey's demo).
  const nantes = generator.residenceAt('44109', '12 rue de Strasbourg');
  const sylvie = make(nantes, {
    sex: 'F',
    givenNames: 'Sylvie',
    birthDate: fromDays(generator.todayDays - Math.floor(63.4 * 365.25)),
    birthPlace: '44109',
    familyName: 'Lemoine',
    employmentStatus: 'salarie',
    monthlyNetSalaryCents: euros(2100),
    isShowcase: true,
  });

  households.push(
    makeHousehold(generator, {
      adults: [sylvie],
      children: [],
      isJointTaxation: false,
      housing: { statutOccupationLogement: 'proprietaire', loyerCents: 0, residence: nantes },
    }),
  );
  return households;
};
