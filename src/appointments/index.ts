// The appointments module: the bodies' sites, services and reasons, advisors' opening ranges and
// absences, slots computed on demand, holds and bookings (one per advisor and time, enforced by
// the database), documents sent ahead, reminders and calendars. Other modules import only this.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from '../platform/index.ts';
import { PURGE_DOCUMENTS_JOB, purgeDocumentsJob } from './documents.ts';
import { recordReminder, REMINDER_JOB } from './reminders.ts';
import { mountAppointmentsRoutes } from './routes.ts';

/** The module's manifest: schema `appointments`, its migrations, routes and jobs. */
export const appointmentsModule: GuichetModule = {
  name: 'appointments',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: mountAppointmentsRoutes,
  jobs: {
    [REMINDER_JOB]: recordReminder,
    [PURGE_DOCUMENTS_JOB]: purgeDocumentsJob,
  },
};

/** The free slots of a reason by a channel between two Paris dates, with the number of free advisors. */
export { findAvailableSlots, type Slot, type FindAvailableSlotsInput } from './find-available-slots.ts';

/** Hold a slot while the person confirms; book at once; confirm a hold (events, reminders). */
export { holdSlot, bookAppointment, HOLD_MINUTES, type ReserveSlotInput } from './reserve-slot.ts';
export { confirmHold, releaseHold } from './confirm-hold.ts';
export { rescheduleAppointment } from './reschedule-appointment.ts';
export { cancelAppointment } from './cancel-appointment.ts';

/** The catalogue (reasons with their rules, sites) and a person's appointments. */
export { listReasons, listSites, getReason, type Reason, type Site } from './catalogue.ts';
export { listPersonAppointments, type Appointment, type Status } from './appointment.ts';

/** Payload of `appointments.booked`, `.rescheduled`, `.cancelled`, `.status-changed` (subject: the person id). */
export type { AppointmentEventPayload } from './record-booking.ts';

/** The job type of an appointment's reminders (48 h and 2 h before), queued at booking. */
export { REMINDER_JOB } from './reminders.ts';

/** Demo catalogue and advisors, loaded by `src/seed.ts` after the people module's population. */
export { seedAppointmentsDemo, isAppointmentsDemoSeeded } from './seeds.ts';
