// SMS: the interface a provider's adapter implements. Guichet ships no provider yet, so the only
// adapter says so: a person who turned SMS on gets their sending logged as skipped, never a
// pretended success.
import type { Logger } from '../platform/index.ts';

export type SmsAdapter = {
  /** False while no provider is configured: the interface says SMS are unavailable. */
  isConfigured: boolean;
  /** Sends one text to an E.164 number; throws when the provider refuses it. */
  send: (to: string, text: string) => Promise<'sent' | 'not-configured'>;
};

export const SMS_NOT_CONFIGURED = 'Aucun fournisseur de SMS n’est configuré : SMS non envoyé.';

/** The adapter used while no SMS provider is configured: it sends nothing and says so in the logs. */
export const notConfiguredSmsAdapter = (logger: Logger): SmsAdapter => ({
  isConfigured: false,
  send: async (to) => {
    logger.warn({ to: `${to.slice(0, 4)}…` }, SMS_NOT_CONFIGURED);
    return 'not-configured';
  },
});
