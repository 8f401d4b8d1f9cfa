// The platform: what every module builds on. Modules import it only through this file.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from './modules.ts';

export { ConfigError, loadConfig, type Config } from './config.ts';
export { openDatabase, openPg, openPglite, DataDirLockedError, type Db, type Sql, type Row } from './db/index.ts';
export { migrate, type MigrationSource } from './db/migrate.ts';
export { createHttpApp, requestLang, type HttpApp, type Lang } from './http/app.ts';
export { AppError, bilingual, forbidden, notFound, unauthenticated, type Messages } from './http/errors.ts';
export { mountHealth } from './http/health.ts';
export { createLogger, type Logger } from './logger.ts';
export type { GuichetModule, ModuleContext } from './modules.ts';

/** The platform's own tables (schema `platform`): migrations, jobs, events, sessions. */
export const platformModule: GuichetModule = {
  name: 'platform',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
};
export { requireUser, type LoginKind, type OidcLogin, type ResolveAccount, type Role, type SessionUser } from './auth/user.ts';
