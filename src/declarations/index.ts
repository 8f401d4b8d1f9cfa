// The citizen's declarations ("tell us once"): validated forms, the preview of who will be told,
// the sending through the exchange hub and the status per body. Other modules import only this.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from '../platform/index.ts';
import { FOLLOW_UP_JOB, followUpJob } from './follow-up.ts';
import { mountDeclarationsRoutes } from './routes.ts';

/** The module's manifest: schema `declarations`, /api/v1/declarations and the follow-up job (notifications). */
export const declarationsModule: GuichetModule = {
  name: 'declarations',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: mountDeclarationsRoutes,
  jobs: { [FOLLOW_UP_JOB]: followUpJob },
};

export {
  declarationInput,
  birthDeclarationInput,
  type DeclarationInput,
  type DeclarationType,
} from './declaration-input.ts';
export { DECLARATION_TYPES } from './declaration-kinds.ts';
export { submitDeclaration, type DeclarationSubmitted } from './submit-declaration.ts';
export { getDeclaration, listDeclarations, type Declaration, type RecipientStatus } from './get-declaration.ts';
