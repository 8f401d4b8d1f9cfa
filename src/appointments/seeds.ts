// Demo data: sites of the CAF, CPAM, France Travail, CNAV and MSA in a few real communes, their
// services and reasons, and advisors (the demo agents of the people module, plus generated ones)
// receiving on weekdays. Deterministic: same input, same rows.
import type { DemoIdentity } from '../people/index.ts';
import type { Sql } from '../platform/index.ts';
import type { Channel } from './compute-slots.ts';

type SiteSeed = {
  key: string;
  body: string;
  name: string;
  address: string;
  postcode: string;
  communeCode: string;
  communeName: string;
  accessibility: string[];
};

const WEEKDAYS_HOURS = 'Du lundi au vendredi, de 9 h à 12 h et de 13 h 30 à 16 h 30, sur rendez-vous';

const SITES: SiteSeed[] = [
  {
    key: 'caf-lyon',
    body: 'caf',
    name: 'CAF du Rhône – accueil Lyon Part-Dieu',
    address: '67 boulevard Vivier-Merle',
    postcode: '69003',
    communeCode: '69123',
    communeName: 'Lyon',
    accessibility: ['step_free_access', 'hearing_loop', 'accessible_toilets'],
  },
  {
    key: 'caf-lille',
    body: 'caf',
    name: 'CAF du Nord – accueil Lille',
    address: '82 rue Brûle-Maison',
    postcode: '59000',
    communeCode: '59350',
    communeName: 'Lille',
    accessibility: ['step_free_access'],
  },
  {
    key: 'caf-strasbourg',
    body: 'caf',
    name: 'CAF du Bas-Rhin – accueil Strasbourg',
    address: '18 rue de Berne',
    postcode: '67000',
    communeCode: '67482',
    communeName: 'Strasbourg',
    accessibility: ['step_free_access', 'accessible_toilets'],
  },
  {
    key: 'cpam-lyon',
    body: 'cpam',
    name: 'CPAM du Rhône – accueil Villeurbanne',
    address: '276 cours Émile-Zola',
    postcode: '69100',
    communeCode: '69266',
    communeName: 'Villeurbanne',
    accessibility: ['step_free_access', 'hearing_loop'],
  },
  {
    key: 'cpam-rennes',
    body: 'cpam',
    name: 'CPAM d’Ille-et-Vilaine – accueil Rennes',
    address: 'cours des Alliés',
    postcode: '35000',
    communeCode: '35238',
    communeName: 'Rennes',
    accessibility: ['step_free_access'],
  },
  {
    key: 'ft-marseille',
    body: 'france-travail',
    name: 'France Travail Marseille Saint-Charles',
    address: '6 boulevard Voltaire',
    postcode: '13001',
    communeCode: '13055',
    communeName: 'Marseille',
    accessibility: ['step_free_access', 'accessible_toilets'],
  },
  {
    key: 'ft-toulouse',
    body: 'france-travail',
    name: 'France Travail Toulouse Compans',
    address: '12 rue de la Belle-Paule',
    postcode: '31000',
    communeCode: '31555',
    communeName: 'Toulouse',
    accessibility: ['step_free_access'],
  },
  {
    key: 'cnav-lyon',
    body: 'cnav',
    name: 'Carsat Rhône-Alpes – agence retraite Lyon',
    address: '35 rue Maurice-Flandin',
    postcode: '69003',
    communeCode: '69123',
    communeName: 'Lyon',
    accessibility: ['step_free_access', 'hearing_loop'],
  },
  {
    key: 'msa-dijon',
    body: 'msa',
    name: 'MSA Bourgogne – accueil Dijon',
    address: '14 rue Félix-Trutat',
    postcode: '21000',
    communeCode: '21231',
    communeName: 'Dijon',
    accessibility: ['step_free_access'],
  },
];

type ReasonSeed = {
  code: string;
  body: string;
  service: string;
  label: string;
  description: string;
  durationMinutes: number;
  channels: Channel[];
  bookingWindowDays: number;
  minNoticeMinutes: number;
  bufferAfterMinutes: number;
  documents: [code: string, fr: string, en: string][];
  before: string;
  after: string;
  changeDeadlineMinutes: number;
};

const ALL: Channel[] = ['video', 'phone', 'in_person'];

const REASONS: ReasonSeed[] = [
  {
    code: 'caf-naissance-droits',
    body: 'caf',
    service: 'Famille et naissance',
    label: 'Comprendre mes droits après une naissance',
    description: 'Prime à la naissance, allocation de base, congé parental : ce que vous pouvez demander et comment.',
    durationMinutes: 30,
    channels: ALL,
    bookingWindowDays: 42,
    minNoticeMinutes: 24 * 60,
    bufferAfterMinutes: 10,
    documents: [
      ['acte-naissance', 'Acte de naissance ou livret de famille', 'Birth certificate or family record book'],
      ['avis-imposition', 'Dernier avis d’imposition', 'Latest tax notice'],
    ],
    before: 'Munissez-vous de votre numéro d’allocataire et de l’acte de naissance de l’enfant.',
    after: 'Votre conseiller vous envoie le récapitulatif des démarches dans votre espace.',
    changeDeadlineMinutes: 24 * 60,
  },
  {
    code: 'caf-aide-logement',
    body: 'caf',
    service: 'Logement',
    label: 'Faire le point sur mon aide au logement',
    description: 'Ouverture, changement de situation, montant de votre aide personnalisée au logement.',
    durationMinutes: 30,
    channels: ALL,
    bookingWindowDays: 30,
    minNoticeMinutes: 4 * 60,
    bufferAfterMinutes: 0,
    documents: [['bail', 'Bail ou quittance de loyer', 'Lease or rent receipt']],
    before: 'Préparez votre bail et le montant de votre loyer.',
    after: '',
    changeDeadlineMinutes: 4 * 60,
  },
  {
    code: 'caf-rsa',
    body: 'caf',
    service: 'Solidarité et insertion',
    label: 'Être accompagné pour une demande de RSA',
    description: 'Un conseiller remplit la demande avec vous.',
    durationMinutes: 45,
    channels: ['phone', 'in_person'],
    bookingWindowDays: 30,
    minNoticeMinutes: 24 * 60,
    bufferAfterMinutes: 15,
    documents: [
      ['piece-identite', 'Pièce d’identité', 'Identity document'],
      ['rib', 'RIB', 'Bank details'],
    ],
    before: 'Apportez vos justificatifs de ressources des trois derniers mois.',
    after: '',
    changeDeadlineMinutes: 24 * 60,
  },
  {
    code: 'cpam-conge-maternite',
    body: 'cpam',
    service: 'Maternité et paternité',
    label: 'Préparer mon congé maternité ou paternité',
    description: 'Dates, indemnités journalières, démarches auprès de l’employeur.',
    durationMinutes: 30,
    channels: ['video', 'phone'],
    bookingWindowDays: 60,
    minNoticeMinutes: 24 * 60,
    bufferAfterMinutes: 5,
    documents: [['declaration-grossesse', 'Déclaration de grossesse', 'Pregnancy declaration']],
    before: 'Ayez votre carte Vitale à portée de main.',
    after: '',
    changeDeadlineMinutes: 12 * 60,
  },
  {
    code: 'cpam-droits-sante',
    body: 'cpam',
    service: 'Accès aux droits',
    label: 'Ouvrir ou vérifier mes droits à l’assurance maladie',
    description: 'Complémentaire santé solidaire, carte Vitale, médecin traitant.',
    durationMinutes: 20,
    channels: ALL,
    bookingWindowDays: 30,
    minNoticeMinutes: 2 * 60,
    bufferAfterMinutes: 0,
    documents: [['piece-identite', 'Pièce d’identité', 'Identity document']],
    before: '',
    after: '',
    changeDeadlineMinutes: 2 * 60,
  },
  {
    code: 'ft-perte-emploi',
    body: 'france-travail',
    service: 'Indemnisation',
    label: 'Déclarer une perte d’emploi',
    description: 'Inscription, ouverture des droits à l’allocation chômage, premières démarches.',
    durationMinutes: 45,
    channels: ALL,
    bookingWindowDays: 21,
    minNoticeMinutes: 24 * 60,
    bufferAfterMinutes: 15,
    documents: [
      ['attestation-employeur', 'Attestation employeur', 'Employer’s certificate'],
      ['piece-identite', 'Pièce d’identité', 'Identity document'],
    ],
    before: 'Munissez-vous de votre attestation employeur et de votre RIB.',
    after: 'Actualisez votre situation chaque mois dans votre espace.',
    changeDeadlineMinutes: 24 * 60,
  },
  {
    code: 'ft-formation',
    body: 'france-travail',
    service: 'Accompagnement',
    label: 'Préparer mon projet de formation',
    description: 'Choisir une formation et son financement.',
    durationMinutes: 60,
    channels: ['video', 'in_person'],
    bookingWindowDays: 45,
    minNoticeMinutes: 48 * 60,
    bufferAfterMinutes: 15,
    documents: [['cv', 'CV', 'CV']],
    before: '',
    after: '',
    changeDeadlineMinutes: 24 * 60,
  },
  {
    code: 'cnav-depart-retraite',
    body: 'cnav',
    service: 'Retraite',
    label: 'Préparer mon départ à la retraite',
    description: 'Relevé de carrière, âge de départ, demande de retraite.',
    durationMinutes: 60,
    channels: ALL,
    bookingWindowDays: 90,
    minNoticeMinutes: 48 * 60,
    bufferAfterMinutes: 15,
    documents: [['releve-carriere', 'Relevé de carrière', 'Career statement']],
    before: 'Téléchargez votre relevé de carrière sur info-retraite.fr.',
    after: '',
    changeDeadlineMinutes: 24 * 60,
  },
  {
    code: 'msa-droits-exploitant',
    body: 'msa',
    service: 'Accès aux droits',
    label: 'Faire le point sur mes droits d’exploitant agricole',
    description: 'Cotisations, santé, famille et retraite en un rendez-vous.',
    durationMinutes: 45,
    channels: ALL,
    bookingWindowDays: 45,
    minNoticeMinutes: 24 * 60,
    bufferAfterMinutes: 10,
    documents: [],
    before: '',
    after: '',
    changeDeadlineMinutes: 24 * 60,
  },
];

const GENERATED_ADVISORS: [given: string, family: string][] = [
  ['Inès', 'Garnier'],
  ['Thomas', 'Roux'],
  ['Yasmine', 'Haddad'],
  ['Julien', 'Morel'],
  ['Sophie', 'Girard'],
  ['Karim', 'Benhamou'],
  ['Élise', 'Fournier'],
  ['Antoine', 'Lopez'],
  ['Nathalie', 'Perrin'],
  ['Mehdi', 'Chauvin'],
  ['Laure', 'Renaud'],
  ['Olivier', 'Marchand'],
  ['Fatou', 'Diallo'],
  ['Bruno', 'Masson'],
  ['Camille', 'Henry'],
  ['David', 'Lemoine'],
  ['Aïcha', 'Traoré'],
  ['Vincent', 'Barbier'],
];

const asciiSlug = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** Whether the demo appointments catalogue is loaded. */
export const isAppointmentsDemoSeeded = async (db: Sql) =>
  (await db.query('select 1 from appointments.sites limit 1')).length > 0;

/**
 * Loads the demo catalogue and advisors. The demo agents come as the identities the people module
 * returned (their claims carry the agent id and e-mail; the body is the e-mail's `agent.<body>@`).
 */
export const seedAppointmentsDemo = async (db: Sql, { identities }: { identities: DemoIdentity[] }) => {
  const siteIds = new Map<string, string>();
  for (const site of SITES) {
    const [row] = await db.query<{ id: string }>(
      `insert into appointments.sites (body, name, address_label, postcode, commune_code, commune_name, opening_hours, accessibility)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        site.body,
        site.name,
        site.address,
        site.postcode,
        site.communeCode,
        site.communeName,
        WEEKDAYS_HOURS,
        site.accessibility,
      ],
    );
    siteIds.set(site.key, row!.id);
  }
  const serviceIds = new Map<string, string>();
  const reasonsByBody = new Map<string, string[]>();
  for (const reason of REASONS) {
    const serviceKey = `${reason.body}|${reason.service}`;
    if (!serviceIds.has(serviceKey)) {
      const [row] = await db.query<{ id: string }>(
        'insert into appointments.services (body, name) values ($1, $2) returning id',
        [reason.body, reason.service],
      );
      serviceIds.set(serviceKey, row!.id);
    }
    const [row] = await db.query<{ id: string }>(
      `insert into appointments.reasons (service_id, code, label, description, duration_minutes, channels, booking_window_days,
         min_notice_minutes, buffer_after_minutes, documents_expected, instructions_before, instructions_after, change_deadline_minutes)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13) returning id`,
      [
        serviceIds.get(serviceKey),
        reason.code,
        reason.label,
        reason.description,
        reason.durationMinutes,
        reason.channels,
        reason.bookingWindowDays,
        reason.minNoticeMinutes,
        reason.bufferAfterMinutes,
        JSON.stringify(reason.documents.map(([code, fr, en]) => ({ code, label: { fr, en } }))),
        reason.before,
        reason.after,
        reason.changeDeadlineMinutes,
      ],
    );
    reasonsByBody.set(reason.body, [...(reasonsByBody.get(reason.body) ?? []), row!.id]);
  }

  const advisors: { agentId: string | null; email: string; displayName: string; body: string }[] = [];
  for (const identity of identities) {
    const body = /^agent\.([a-z-]+)@/.exec(identity.login)?.[1];
    if (identity.audience !== 'agent' || !body || !reasonsByBody.has(body)) continue;
    const { uid, email, given_name: given, usual_name: family } = identity.claims;
    advisors.push({ agentId: uid ?? null, email: email ?? identity.login, displayName: `${given} ${family}`, body });
  }
  const bodies = [...new Set(SITES.map((site) => site.body))];
  GENERATED_ADVISORS.forEach(([given, family], index) => {
    const body = bodies[index % bodies.length]!;
    advisors.push({
      agentId: null,
      email: `${asciiSlug(given)}.${asciiSlug(family)}@${body}.demo.guichet.fr`,
      displayName: `${given} ${family}`,
      body,
    });
  });

  let ranges = 0;
  for (const [index, advisor] of advisors.entries()) {
    const [row] = await db.query<{ id: string }>(
      'insert into appointments.advisors (agent_id, email, display_name, body) values ($1, $2, $3, $4) returning id',
      [advisor.agentId, advisor.email, advisor.displayName, advisor.body],
    );
    const sites = SITES.filter((site) => site.body === advisor.body);
    const site = sites[index % sites.length]!;
    // Every advisor receives four days a week, mornings and afternoons; the day off rotates.
    const dayOff = (index % 5) + 1;
    for (let weekday = 1; weekday <= 5; weekday++) {
      if (weekday === dayOff) continue;
      for (const [start, end] of [
        ['09:00', '12:00'],
        ['13:30', '16:30'],
      ] as const) {
        const [range] = await db.query<{ id: string }>(
          `insert into appointments.opening_ranges (advisor_id, site_id, weekday, start_time, end_time, channels, valid_from)
           values ($1, $2, $3, $4, $5, $6, '2020-01-01') returning id`,
          [row!.id, siteIds.get(site.key), weekday, start, end, ALL],
        );
        await db.query(
          'insert into appointments.opening_range_reasons (opening_range_id, reason_id) select $1, unnest($2::uuid[])',
          [range!.id, reasonsByBody.get(advisor.body)],
        );
        ranges++;
      }
    }
  }
  return { sites: SITES.length, reasons: REASONS.length, advisors: advisors.length, openingRanges: ranges };
};
