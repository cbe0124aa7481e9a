import type { CommandOf } from './commands';
import type { DecisionContext } from './context';
import { accepted, refused, workingDaysFromNow, type Decision } from './decision';
import { conflict, invalid } from './errors';
import { complaintEvent } from './events';
import type { ComplaintState } from './state';
import type { Channel } from './values';

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
/** Channels whose messages arrive through a gateway (SMS 1708, Twitter/X, Open311). */
const GATEWAY_CHANNELS: readonly Channel[] = ['sms', 'twitter', 'open311'];
const PERSON_CHANNELS: readonly Channel[] = ['web', 'app'];

/** The Jakarta calendar date of an instant: incident dates are Jakarta dates. */
const jakartaDateOf = (instant: string): string => new Date(Date.parse(instant) + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);

export function decideSubmission(state: ComplaintState, command: CommandOf<'SubmitComplaint'>, context: DecisionContext): Decision {
  if (state.exists) return refused(conflict('already_submitted', 'this complaint has already been submitted'));
  const viaGateway = context.actor.role === 'channel_gateway';
  if (!(viaGateway ? GATEWAY_CHANNELS : PERSON_CHANNELS).includes(command.channel)) {
    return refused(invalid('channel_not_permitted', `a ${context.actor.role} cannot submit through channel ${command.channel}`));
  }
  // The gateway's own message id is what makes a redelivered SMS or tweet recognisable.
  if (viaGateway && command.channelMessageId === undefined) {
    return refused(invalid('channel_message_id_required', 'a gateway submission must carry the channel message id'));
  }
  if (command.incidentDate > jakartaDateOf(context.now)) {
    return refused(invalid('incident_date_in_future', 'the incident date cannot be in the future'));
  }
  const { type: _type, ...report } = command;
  return accepted(
    complaintEvent('ComplaintSubmitted', {
      ...report,
      ...(context.actor.role === 'reporter' ? { reporterAccountId: context.actor.id } : {}),
      at: context.now,
      verifyBy: workingDaysFromNow(context, context.limits.verificationDays),
    }),
  );
}
