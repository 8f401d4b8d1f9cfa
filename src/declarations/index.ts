// The citizen's declarations ("tell us once"): validated forms, the preview of who will be told,
// the sending through the exchange hub and the status per body. Other modules import only this.
import { fileURLToPath } from 'node:url';
import type { GuichetModule } from '../platform/index.ts';
import { mountDeclarationsRoutes } from './routes.ts';

/** The module's manifest: schema `declarations` and /api/v1/declarations. */
export const declarationsModule: GuichetModule = {
  name: 'declarations',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: mountDeclarationsRoutes,
};

export { declarationInput, birthDeclarationInput, type DeclarationInput } from './declaration-input.ts';
export { submitDeclaration } from './submit-declaration.ts';
export { getDeclaration, listDeclarations, type Declaration, type RecipientStatus } from './get-declaration.ts';
