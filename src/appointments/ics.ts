// An appointment as an iCalendar file (RFC 5545): one VEVENT in UTC, SEQUENCE bumped at each
// change (§3.8.7.4).
import { escapeIcsText, icalendarText } from '../platform/index.ts';
import type { Appointment } from './appointment.ts';
import type { Reason, Site } from './catalogue.ts';

const utcStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const CHANNEL_LABELS = { video: 'en visio', phone: 'par téléphone', in_person: 'sur place' } as const;

export type IcsInput = { appointment: Appointment; reason: Reason; site: Site | null; publicUrl: string; now: number };

/** The ICS text of an appointment, CRLF line ends; cancelled ones carry STATUS:CANCELLED. */
export const buildIcs = ({ appointment, reason, site, publicUrl, now }: IcsInput) => {
  const host = new URL(publicUrl).host;
  const isCancelled = ['excused', 'revoked'].includes(appointment.status);
  const description = [
    `Rendez-vous ${CHANNEL_LABELS[appointment.channel]} avec ${appointment.advisor.displayName} (${reason.service.name}).`,
    reason.instructionsBefore && `À préparer : ${reason.instructionsBefore}`,
    `Voir ou modifier : ${publicUrl}/rendez-vous/${appointment.id}`,
  ]
    .filter(Boolean)
    .join('\n');
  const location =
    appointment.channel === 'in_person' && site
      ? `${site.name}, ${site.address.label}, ${site.address.postcode} ${site.address.communeName}`
      : appointment.channel === 'video'
        ? 'Visio (lien dans votre espace Guichet)'
        : 'Par téléphone : le conseiller vous appelle';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Guichet//Rendez-vous//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${appointment.id}@${host}`,
    `SEQUENCE:${appointment.sequence}`,
    `DTSTAMP:${utcStamp(new Date(now).toISOString())}`,
    `DTSTART:${utcStamp(appointment.startsAt)}`,
    `DTEND:${utcStamp(appointment.endsAt)}`,
    `SUMMARY:${escapeIcsText(`${reason.label} (${reason.service.body.toUpperCase()})`)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    `LOCATION:${escapeIcsText(location)}`,
    `URL:${publicUrl}/rendez-vous/${appointment.id}`,
    `STATUS:${isCancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    ...(isCancelled
      ? []
      : [
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${escapeIcsText(reason.label)}`,
          'TRIGGER:-PT2H',
          'END:VALARM',
        ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return icalendarText(lines);
};
