// The satisfaction survey after an appointment: three short questions, one answer per appointment
// (the database's primary key says so), and the results per reason and site for the service.
import { AppError, type Sql } from '../platform/index.ts';
import { isoOf, type Appointment } from './appointment.ts';

export const PROBLEM_SOLVED = ['yes', 'partly', 'no'] as const;
export type ProblemSolved = (typeof PROBLEM_SOLVED)[number];

export type SurveyAnswer = {
  appointmentId: string;
  satisfaction: number;
  problemSolved: ProblemSolved;
  comment: string;
  answeredAt: string;
};

/** 'open' once a held appointment has ended (or been marked seen), until answered. */
export type SurveyState = 'not_yet' | 'open' | 'answered' | 'closed';

type SurveyRow = {
  appointment_id: string;
  satisfaction: number;
  problem_solved: ProblemSolved;
  comment: string;
  answered_at: string | Date;
};
const toAnswer = (row: SurveyRow): SurveyAnswer => ({
  appointmentId: row.appointment_id,
  satisfaction: row.satisfaction,
  problemSolved: row.problem_solved,
  comment: row.comment,
  answeredAt: isoOf(row.answered_at),
});

export const findSurveyAnswer = async (db: Sql, appointmentId: string) => {
  const [row] = await db.query<SurveyRow>('select * from appointments.surveys where appointment_id = $1', [
    appointmentId,
  ]);
  return row ? toAnswer(row) : null;
};

export const surveyState = (appointment: Appointment, answer: SurveyAnswer | null, now: number): SurveyState => {
  if (answer) return 'answered';
  if (appointment.status === 'seen') return 'open';
  if (appointment.status !== 'booked') return 'closed';
  return Date.parse(appointment.endsAt) <= now ? 'open' : 'not_yet';
};

export const answerSurvey = async (
  db: Sql,
  appointment: Appointment,
  input: { satisfaction: number; problemSolved: ProblemSolved; comment?: string | undefined },
  now: number = Date.now(),
) => {
  const state = surveyState(appointment, null, now);
  if (state === 'not_yet' || state === 'closed') {
    throw new AppError(state === 'not_yet' ? 'survey_not_open_yet' : 'survey_closed', {
      status: 409,
      messages:
        state === 'not_yet'
          ? {
              fr: 'Vous pourrez donner votre avis après le rendez-vous.',
              en: 'You can give your opinion after the appointment.',
            }
          : {
              fr: 'Ce rendez-vous n’a pas eu lieu : il n’y a pas d’avis à donner.',
              en: 'This appointment did not take place: there is no opinion to give.',
            },
    });
  }
  const [row] = await db.query<SurveyRow>(
    `insert into appointments.surveys (appointment_id, satisfaction, problem_solved, comment, answered_at)
     values ($1, $2, $3, $4, $5) on conflict (appointment_id) do nothing returning *`,
    [appointment.id, input.satisfaction, input.problemSolved, input.comment ?? '', new Date(now).toISOString()],
  );
  if (!row) {
    throw new AppError('survey_already_answered', {
      status: 409,
      messages: {
        fr: 'Vous avez déjà donné votre avis sur ce rendez-vous. Merci !',
        en: 'You have already given your opinion on this appointment. Thank you!',
      },
    });
  }
  return toAnswer(row);
};

export type SurveyResult = {
  reason: { id: string; label: string };
  site: { id: string; name: string } | null;
  answers: number;
  averageSatisfaction: number;
  problemSolved: Record<ProblemSolved, number>;
};

/** Answers per reason and site (a video or phone appointment has no site), for a body or all. */
export const surveyResults = async (
  db: Sql,
  { body, from, to }: { body?: string | undefined; from: string; to: string },
): Promise<SurveyResult[]> => {
  const rows = await db.query<{
    reason_id: string;
    reason_label: string;
    site_id: string | null;
    site_name: string | null;
    answers: number | string;
    average: number | string;
    yes: number | string;
    partly: number | string;
    no: number | string;
  }>(
    `select r.id as reason_id, r.label as reason_label, st.id as site_id, st.name as site_name,
            count(*) as answers, avg(sv.satisfaction)::float8 as average,
            count(*) filter (where sv.problem_solved = 'yes') as yes,
            count(*) filter (where sv.problem_solved = 'partly') as partly,
            count(*) filter (where sv.problem_solved = 'no') as no
       from appointments.surveys sv
       join appointments.appointments a on a.id = sv.appointment_id
       join appointments.reasons r on r.id = a.reason_id
       join appointments.services s on s.id = r.service_id
       left join appointments.sites st on st.id = a.site_id
      where ($1::text is null or s.body = $1) and a.starts_at >= $2 and a.starts_at < $3
      group by r.id, r.label, st.id, st.name
      order by r.label, st.name nulls first`,
    [body ?? null, from, to],
  );
  return rows.map((row) => ({
    reason: { id: row.reason_id, label: row.reason_label },
    site: row.site_id ? { id: row.site_id, name: row.site_name ?? '' } : null,
    answers: Number(row.answers),
    averageSatisfaction: Math.round(Number(row.average) * 10) / 10,
    problemSolved: { yes: Number(row.yes), partly: Number(row.partly), no: Number(row.no) },
  }));
};
