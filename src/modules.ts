import type { GuichetModule } from './platform/index.ts';
import { platformModule } from './platform/index.ts';
import { peopleModule } from './people/index.ts';
import { idpModule } from './idp/index.ts';
import { appointmentsModule } from './appointments/index.ts';
import { exchangeModule } from './exchange/index.ts';
import { bodyModules } from './bodies/index.ts';
import { declarationsModule } from './declarations/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { rulesModule } from './rules/index.ts';
import { journeysModule } from './journeys/index.ts';

/** Every module of Guichet, in migration order. Adding a module is one line here. */
export const MODULES: GuichetModule[] = [
  platformModule,
  peopleModule,
  idpModule,
  appointmentsModule,
  exchangeModule,
  ...bodyModules,
  declarationsModule,
  notificationsModule,
  rulesModule,
  journeysModule,
];
