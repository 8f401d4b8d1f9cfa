// A person's choices: which channels may reach them and their quiet hours (Europe/Paris). Without
// a choice of their own: e-mail and push on, SMS off, no quiet hours.
import { z } from 'zod';
import { bilingual, type Sql } from '../platform/index.ts';
import type { QuietHours } from './quiet-hours.ts';

export type Preferences = {
  emailEnabled: boolean;
  pushEnabled: boolean;
  smsEnabled: boolean;
  quietHours: QuietHours | null;
};

const DEFAULT_PREFERENCES: Preferences = {
  emailEnabled: true,
  pushEnabled: true,
  smsEnabled: false,
  quietHours: null,
};

const time = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d$/,
    bilingual({ fr: 'Une heure s’écrit HH:MM, par exemple 22:00.', en: 'A time is written HH:MM, for example 22:00.' }),
  );

export const updatePreferencesInput = z.strictObject({
  emailEnabled: z.boolean(),
  pushEnabled: z.boolean(),
  smsEnabled: z.boolean(),
  quietHours: z
    .strictObject({ start: time, end: time })
    .refine(
      ({ start, end }) => start !== end,
      bilingual({
        fr: 'Le début et la fin des heures calmes doivent être différents.',
        en: 'Quiet hours must start and end at different times.',
      }),
    )
    .nullable(),
});

type PreferencesRow = {
  email_enabled: boolean;
  push_enabled: boolean;
  sms_enabled: boolean;
  quiet_start: string | null;
  quiet_end: string | null;
};

/** The person's preferences, or the defaults when they never chose. */
export const getPreferences = async (db: Sql, personId: string): Promise<Preferences> => {
  const [row] = await db.query<PreferencesRow>(
    `select email_enabled, push_enabled, sms_enabled,
            to_char(quiet_start, 'HH24:MI') as quiet_start, to_char(quiet_end, 'HH24:MI') as quiet_end
       from notifications.preferences where person_id = $1`,
    [personId],
  );
  if (!row) return DEFAULT_PREFERENCES;
  return {
    emailEnabled: row.email_enabled,
    pushEnabled: row.push_enabled,
    smsEnabled: row.sms_enabled,
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
  };
};

/** Replaces the person's preferences (validated by `updatePreferencesInput` at the edge). */
export const updatePreferences = async (db: Sql, personId: string, preferences: Preferences) => {
  await db.query(
    `insert into notifications.preferences
       (person_id, email_enabled, push_enabled, sms_enabled, quiet_start, quiet_end, updated_at)
     values ($1, $2, $3, $4, $5::time, $6::time, now())
     on conflict (person_id) do update set
       email_enabled = excluded.email_enabled, push_enabled = excluded.push_enabled,
       sms_enabled = excluded.sms_enabled, quiet_start = excluded.quiet_start,
       quiet_end = excluded.quiet_end, updated_at = now()`,
    [
      personId,
      preferences.emailEnabled,
      preferences.pushEnabled,
      preferences.smsEnabled,
      preferences.quietHours?.start ?? null,
      preferences.quietHours?.end ?? null,
    ],
  );
  return getPreferences(db, personId);
};
