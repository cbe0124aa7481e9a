import { z } from 'zod';
import type { CaseView } from '../views/caseView';

/** What a reporter does on their own complaint, by the API's path segment. */
export const ReporterAction = z.enum(['reply', 'supplement', 'rate', 'reopen']);
export type ReporterAction = z.infer<typeof ReporterAction>;

const text = z.string().max(20_000).optional();

/** The forms as the browser posts them; the API judges the content (and names each failing field). */
export const ReporterActionForm = z.object({
  text,
  score: z.string().max(10).optional(),
  comment: text,
  reason: text,
  idempotencyKey: z.uuid().optional(),
});
export type ReporterActionForm = z.infer<typeof ReporterActionForm>;

const present = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** The body of the action's API call; a missing or non-numeric score goes as typed, for the API to name. */
export function actionBody(action: ReporterAction, form: ReporterActionForm): object {
  switch (action) {
    case 'reply':
    case 'supplement':
      return { text: form.text ?? '' };
    case 'rate': {
      const score = present(form.score);
      const comment = present(form.comment);
      return { ...(score === undefined ? {} : { score: /^\d+$/.test(score) ? Number(score) : score }), ...(comment === undefined ? {} : { comment }) };
    }
    case 'reopen':
      return { reason: form.reason ?? '' };
  }
}

/**
 * The forms worth showing for the complaint as the reporter's view has it now, mirroring the
 * domain's rules (decideReporter.ts) so no form is offered that can only be refused; the API
 * still decides, and a refusal is shown next to the form.
 */
export function offeredActions(view: Pick<CaseView, 'status' | 'deadline' | 'rating' | 'closure'>, now: Date): ReporterAction[] {
  const closed = view.status === 'closed';
  const resolved = view.status === 'resolved';
  const replyWindowOpen = resolved && (view.deadline === undefined || now.getTime() <= Date.parse(view.deadline.dueAt));
  const rateable = view.rating === undefined && (resolved || view.closure?.cause === 'reply_window_elapsed');
  const offered: [ReporterAction, boolean][] = [
    ['reply', !closed && (view.status === 'in_progress' || resolved)],
    ['supplement', !closed && !resolved],
    ['rate', rateable],
    ['reopen', replyWindowOpen],
  ];
  return offered.filter(([, shown]) => shown).map(([action]) => action);
}
