// The CAF's reference node: allocataires (a family's file under its reference person), their
// children and the benefits due or paid. A birth opens the child in the file (opening the file if
// the family had none) and records the prime à la naissance to examine.
import type { BirthDeclaredContent, Holding } from '../../exchange/index.ts';
import { readBirths } from '../births.ts';
import type { Sql } from '../../platform/index.ts';
import type { BodyNode } from '../node.ts';
import { columnsOf, fileReference, householdView, insertColumns } from '../store.ts';
import { cafLifeEventHandlers } from './life-events.ts';

const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;
const previousMonth = (today: string) => {
  const date = new Date(`${firstOfMonth(today)}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - 1);
  return date.toISOString().slice(0, 10);
};

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

type CafFile = { reference: string; nir: string; conjoint: string | null; openedOn: string };
type CafChild = Omit<BirthDeclaredContent['children'][number], 'nir'> & { reference: string; correlationId?: string };

const insertFiles = (tx: Sql, files: CafFile[]) =>
  insertColumns(
    tx,
    'body_caf.allocataires',
    columnsOf(files, {
      reference: ['text', (f) => f.reference],
      nir: ['text', (f) => f.nir],
      conjoint_nir: ['text', (f) => f.conjoint],
      opened_on: ['date', (f) => f.openedOn],
    }),
  );

/** Children in a file; those a declared birth opened keep the declaration's correlation id. */
const insertChildren = (tx: Sql, children: CafChild[]) =>
  insertColumns(
    tx,
    'body_caf.enfants',
    columnsOf(children, {
      allocataire: ['text', (c) => c.reference],
      given_names: ['text', (c) => c.givenNames],
      family_name: ['text', (c) => c.familyName],
      sex: ['text', (c) => c.sex],
      birth_date: ['date', (c) => c.birthDate],
      birth_place: ['text', (c) => c.birthPlace],
      correlation_id: ['text', (c) => c.correlationId ?? null],
    }),
  );

export const cafNode: BodyNode = {
  party: 'caf',
  handlers: cafLifeEventHandlers,
  batchHandlers: {
    'naissance.declaree': async (tx, envelopes) => {
      const run = readBirths(envelopes);
      const fileOf = new Map<string, string>();
      for (const file of await tx.query<{ reference: string; nir: string; conjoint_nir: string | null }>(
        'select reference, nir, conjoint_nir from body_caf.allocataires where nir = any($1::text[]) or conjoint_nir = any($1::text[]) order by reference',
        [run.nirs],
      ))
        for (const nir of [file.nir, file.conjoint_nir]) if (nir && !fileOf.has(nir)) fileOf.set(nir, file.reference);
      const opened: CafFile[] = [];
      const children: CafChild[] = [];
      const results = run.each((birth, envelope, parents) => {
        const today = envelope.createdAt.slice(0, 10);
        let reference = parents.map((nir) => fileOf.get(nir)).find(Boolean);
        const holdings: Holding[] = [];
        if (!reference) {
          reference = fileReference('caf', birth.declarant.nir, 7);
          opened.push({
            reference,
            nir: birth.declarant.nir,
            conjoint: birth.otherParent?.nir ?? null,
            openedOn: today,
          });
          for (const [nir, capacity] of [
            [birth.declarant.nir, 'allocataire'],
            [birth.otherParent?.nir, 'conjoint'],
          ] as const)
            if (nir) {
              fileOf.set(nir, reference);
              holdings.push({ nir, capacity, reference, periodStart: today, periodEnd: null, isHeld: true });
            }
        }
        for (const child of birth.children)
          children.push({ ...child, reference, correlationId: envelope.correlationId });
        return { holdings };
      });
      await insertFiles(tx, opened);
      await insertChildren(tx, children);
      // One prime per child born (twins: two); its amount comes from the rights engine when examined.
      await insertColumns(
        tx,
        'body_caf.prestations',
        columnsOf(children, {
          allocataire: ['text', (c) => c.reference],
          benefit: ['text', () => 'paje_naissance'],
          period_start: ['date', (c) => firstOfMonth(c.birthDate)],
          status: ['text', () => 'a_instruire'],
          correlation_id: ['text', (c) => c.correlationId],
        }),
      );
      return results;
    },
  },
  seed: async (tx, households, { today }) => {
    const files: CafFile[] = [];
    const children: CafChild[] = [];
    const benefits: { reference: string; benefit: string; start: string; end: string }[] = [];
    const holdings: Holding[] = [];
    for (const household of households) {
      if (household.isAgricultural) continue;
      const { parents, children: kids } = householdView(household);
      const isOutOfWork = parents.some((p) =>
        ['chomeur', 'inactif', 'etudiant'].includes(p.situation.employmentStatus),
      );
      if (!parents.length || (!kids.length && !isOutOfWork)) continue;
      const [first, second] = parents;
      const reference = fileReference('caf', first!.nir, 7);
      const openedOn = kids.length ? kids.map((k) => k.birthDate).sort()[0]! : previousMonth(today);
      files.push({ reference, nir: first!.nir, conjoint: second?.nir ?? null, openedOn });
      holdings.push({
        nir: first!.nir,
        capacity: 'allocataire',
        reference,
        periodStart: openedOn,
        periodEnd: null,
        isHeld: true,
      });
      if (second)
        holdings.push({
          nir: second.nir,
          capacity: 'conjoint',
          reference,
          periodStart: openedOn,
          periodEnd: null,
          isHeld: true,
        });
      for (const kid of kids) {
        children.push({
          reference,
          givenNames: kid.givenNames,
          familyName: kid.familyName,
          sex: kid.sex,
          birthDate: kid.birthDate,
          birthPlace: kid.birthPlace,
        });
        holdings.push({
          nir: kid.nir,
          capacity: 'enfant_a_charge',
          reference,
          periodStart: kid.birthDate,
          periodEnd: null,
          isHeld: true,
        });
      }
      // Allocations familiales paid last month to families of two children or more (amount set by the engine).
      if (kids.length >= 2)
        benefits.push({ reference, benefit: 'af', start: previousMonth(today), end: dayBefore(firstOfMonth(today)) });
    }
    await insertFiles(tx, files);
    await insertChildren(tx, children);
    await insertColumns(
      tx,
      'body_caf.prestations',
      columnsOf(benefits, {
        allocataire: ['text', (b) => b.reference],
        benefit: ['text', (b) => b.benefit],
        period_start: ['date', (b) => b.start],
        period_end: ['date', (b) => b.end],
        status: ['text', () => 'payee'],
      }),
    );
    return holdings;
  },
};
