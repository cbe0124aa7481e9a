import { accepted, closedError, refused, type CommandHandler } from './decision';
import { conflict } from './errors';
import { complaintEvent } from './events';

/** The Ombudsman may record findings on any complaint, open or closed. */
export const recordOversightFinding: CommandHandler<'RecordOversightFinding'> = (_complaint, command, context) => {
  const { type: _type, ...finding } = command;
  return accepted(complaintEvent('OversightFindingRecorded', { ...finding, at: context.now }));
};

/** "Saya juga mengalami": public, open complaints only, once per account, not one's own. */
export const supportComplaint: CommandHandler<'SupportComplaint'> = (complaint, _command, context) => {
  const accountId = context.actor.id;
  const error =
    (complaint.confidential ? conflict('confidential_complaint', 'a confidential complaint cannot be supported publicly') : undefined) ??
    closedError(complaint) ??
    (complaint.reporterAccountId === accountId ? conflict('own_complaint', 'a reporter cannot support their own complaint') : undefined) ??
    (complaint.supporterAccountIds.includes(accountId) ? conflict('already_supported', 'this account already supports the complaint') : undefined);
  if (error) return refused(error);
  return accepted(complaintEvent('ComplaintSupported', { accountId, at: context.now }));
};

/** Tightening protection is allowed at any time, closed complaints included. */
export const makeConfidential: CommandHandler<'MakeConfidential'> = (complaint, _command, context) =>
  complaint.confidential
    ? refused(conflict('already_confidential', 'the complaint is already confidential'))
    : accepted(complaintEvent('ComplaintMadeConfidential', { at: context.now }));

export const eraseReporterData: CommandHandler<'EraseReporterData'> = (complaint, _command, context) => {
  const error =
    (complaint.reporter === undefined ? conflict('no_personal_data', 'the complaint holds no personal data of its reporter') : undefined) ??
    (complaint.reporterDataErased ? conflict('already_erased', "the reporter's personal data have already been erased") : undefined);
  if (error) return refused(error);
  return accepted(complaintEvent('ReporterDataErased', { at: context.now }));
};
