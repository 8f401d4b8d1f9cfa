// The platform: what every module builds on. Modules import it only through this file.
import { fileURLToPath } from 'node:url';
import { mountJobAdmin } from './jobs/routes.ts';
import type { GuichetModule } from './modules.ts';

export { ConfigError, loadConfig, type Config } from './config.ts';
export { openDatabase, openPg, openPglite, DataDirLockedError, type Db, type Sql, type Row } from './db/index.ts';
export { migrate, type MigrationSource } from './db/migrate.ts';
export { createHttpApp, requestLang, type HttpApp, type Lang } from './http/app.ts';
export { AppError, bilingual, forbidden, notFound, unauthenticated, type Messages } from './http/errors.ts';
export { mountHealth } from './http/health.ts';
export { ensureWebBuilt, isWebBuildStale, mountWeb, type WebMode } from './http/web.ts';
export { createLogger, type Logger } from './logger.ts';
export { isAlsaceMoselle, publicHoliday } from './calendar/public-holidays.ts';
export { escapeIcsText, icalendarText } from './calendar/icalendar.ts';
export {
  PARIS,
  datesBetween,
  minutesOf,
  parisDate,
  parisLabel,
  parisOffsetMinutes,
  parisTime,
  parisToUtc,
  weekStart,
} from './calendar/paris-time.ts';
export {
  addBusinessDays,
  addDays,
  addMonths,
  addWeeks,
  daysBetween,
  isBusinessDay,
  isJourOuvrable,
  isoWeekday,
  onOrNextBusinessDay,
  type HolidayOptions,
} from './calendar/calendar-days.ts';
export type { GuichetModule, ModuleContext } from './modules.ts';
export { publishEvent, type PublishEventInput } from './events/publish-event.ts';
export type { DomainEvent, EventSubscriber, EventSubscribers } from './events/event.ts';
export { enqueueJob, type EnqueueJobInput } from './jobs/enqueue-job.ts';
export { JOB_STATUSES, type Job, type JobContext, type JobHandler, type JobStatus } from './jobs/job.ts';
export { createJobRegistry, installJobRegistry, subscriberJobType, type JobRegistry } from './jobs/registry.ts';
export { createWorker, retryDelayMs, type Worker, type WorkerOptions } from './jobs/worker.ts';
export { listJobs, type JobList, type ListJobsInput } from './jobs/list-jobs.ts';
export { getJob } from './jobs/get-job.ts';
export { retryJob } from './jobs/retry-job.ts';
export { purgeDoneJobs } from './jobs/purge-done-jobs.ts';

/** The platform's own tables (schema `platform`): migrations, jobs, events, sessions. */
export const platformModule: GuichetModule = {
  name: 'platform',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: (app, context) => {
    mountJobAdmin(app, context);
  },
};
export {
  requireUser,
  type LoginKind,
  type OidcLogin,
  type ResolveAccount,
  type Role,
  type SessionUser,
} from './auth/user.ts';
export { mountAuth, type MountAuthOptions } from './auth/mount-auth.ts';
export { deriveSecret, embeddedClientSecret, loadInstanceSecret } from './auth/secret.ts';
export { embeddedIssuer } from './auth/oidc-clients.ts';
export type { LoginError } from './auth/routes.ts';
/** Opens a session for a resolved user, as the OIDC callback does (tests of other modules log in with it). */
export { createSession, SESSION_COOKIE } from './auth/sessions.ts';
