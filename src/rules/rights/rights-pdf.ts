// The estimate as a PDF a person keeps or prints: the total, then each benefit with its amount,
// the body that pays it, the reasons, the legal basis and where to claim it. PDF's standard
// fonts (no font file to ship) write Western European text; other characters are simplified.
import PDFDocument from 'pdfkit';
import type { RightsEstimate } from './estimate-rights.ts';
import { euros as formatEuros } from './explain.ts';

type Lang = 'fr' | 'en';

const WORDS = {
  fr: {
    title: 'Estimation de mes droits',
    period: (period: string) =>
      `Estimation pour ${period}, établie le ${new Date().toLocaleDateString('fr-FR')} par Guichet.`,
    total: 'Total estimé',
    perMonth: 'par mois',
    perYear: 'sur un an',
    eligible: 'Vous y avez droit',
    notEligible: 'Pas de droit dans cette situation',
    notSupported: 'Non pris en charge',
    notComputed: 'Non calculé : conditions à vérifier',
    body: 'Organisme',
    reasons: 'Pourquoi',
    legal: 'Base légale',
    claim: 'Faire la demande',
    warning:
      'Cette estimation n’engage pas les organismes : seul l’examen de votre demande ouvre un droit. Elle repose sur les informations saisies.',
    convention: 'Convention des montants',
  },
  en: {
    title: 'Estimate of my rights',
    period: (period: string) => `Estimate for ${period}, made on ${new Date().toLocaleDateString('en-GB')} by Guichet.`,
    total: 'Estimated total',
    perMonth: 'a month',
    perYear: 'over a year',
    eligible: 'You are entitled',
    notEligible: 'Not entitled in this situation',
    notSupported: 'Not supported',
    notComputed: 'Not computed: conditions to check',
    body: 'Body',
    reasons: 'Why',
    legal: 'Legal basis',
    claim: 'How to claim',
    warning:
      'This estimate does not bind the bodies: only the review of your claim opens a right. It relies on the information given.',
    convention: 'Amount convention',
  },
} as const;

/** Characters the standard fonts' encoding lacks, replaced by close ones. */
const printable = (text: string) =>
  text
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/[≥]/g, '>=')
    .replace(/[≤]/g, '<=')
    .replace(/[^\u0020-\u00ff€’‘“”–—…œŒ•\n]/g, '?');

const euros = (value: number, lang: Lang) => printable(formatEuros(value, lang));

/** Renders the estimate as a PDF document. */
export const rightsPdf = (estimate: RightsEstimate, { lang }: { lang: Lang }): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const words = WORDS[lang];
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: `Guichet — ${words.title}`, Author: 'Guichet' },
      lang: lang === 'fr' ? 'fr-FR' : 'en-GB',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const write = (text: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(printable(text), options);

    doc.font('Helvetica-Bold').fontSize(20);
    write(`Guichet — ${words.title}`);
    doc.font('Helvetica').fontSize(10).moveDown(0.5);
    write(words.period(estimate.period));
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(14);
    write(
      `${words.total} : ${euros(estimate.total.monthly, lang)} ${words.perMonth} — ${euros(estimate.total.annual, lang)} ${words.perYear}`,
    );
    doc.font('Helvetica').fontSize(9).moveDown(0.5);
    write(`${words.convention} : ${estimate.amountConvention[lang]}`);
    const order = { eligible: 0, not_eligible: 1, not_computed: 2, not_supported: 3 };
    for (const right of [...estimate.rights].sort((a, b) => order[a.status] - order[b.status])) {
      doc.moveDown();
      doc.font('Helvetica-Bold').fontSize(13);
      write(right.label[lang]);
      doc.font('Helvetica').fontSize(10);
      const headline =
        right.status === 'eligible'
          ? right.amount === null
            ? `${words.eligible} — ${right.periodicity[lang]}`
            : `${words.eligible} : ${euros(right.amount, lang)} (${right.amountPeriod}) — ${right.periodicity[lang]}`
          : right.status === 'not_eligible'
            ? words.notEligible
            : right.status === 'not_supported'
              ? `${words.notSupported} : ${right.notSupported?.[lang] ?? ''}`
              : words.notComputed;
      write(headline);
      write(`${words.body} : ${right.body.name[lang]}`);
      if (right.reasons.length) {
        write(`${words.reasons} :`);
        for (const reason of right.reasons)
          write(`${reason.met === true ? '+' : reason.met === false ? '-' : '•'} ${reason.text[lang]}`, { indent: 12 });
      }
      write(`${words.legal} : ${right.legalArticles.join(' ; ')}`);
      write(`${words.claim} : ${right.claim.text[lang]} `, { continued: true });
      doc.fillColor('#000091');
      write(right.claim.url, { link: right.claim.url, underline: true });
      doc.fillColor('black');
    }
    doc.moveDown(2).fontSize(9);
    write(words.warning);
    doc.end();
  });
