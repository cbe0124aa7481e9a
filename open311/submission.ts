import { z } from 'zod';
import { parseInput } from '../app/http/validation';
import { gatewayReport } from '../commands/channels/gatewayReport';
import type { ComplaintReport } from '../commands/intake/submitComplaint';
import { isoDateFromEpochDay } from '../domain/calendar/civilDays';
import { jakartaEpochDayOfInstant } from '../domain/calendar/jakartaTime';
import { ComplaintKind, type Location } from '../domain/complaint';
import { Title } from '../domain/complaint/events/textLimits';
import { freeText } from '../domain/complaint/values';
import type { PersonalData } from '../domain/personalData';
import { ComplaintCategory, isValidRegionCode, regionName } from '../domain/routing';

/** The spec's limit on a request's description. */
export const MAX_DESCRIPTION = 4000;

const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'expected a decimal number like -6.9147')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** The spec's POST fields (form-encoded), except `api_key`, checked before, and the `attribute[code]` fields. */
export const RequestFields = z
  .object({
    api_key: z.string(),
    jurisdiction_id: z.string().max(100).optional(),
    service_code: ComplaintCategory,
    lat: decimal(-90, 90).optional(),
    long: decimal(-180, 180).optional(),
    address_string: freeText(500).optional(),
    address_id: z.string().refine(isValidRegionCode, 'expected a Kemendagri region code like 32.73').optional(),
    email: z.email().max(254).optional(),
    device_id: z.string().max(200).optional(),
    account_id: z.string().max(200).optional(),
    first_name: z.string().min(1).max(100).optional(),
    last_name: z.string().min(1).max(99).optional(),
    phone: z.string().regex(/^\+?[\d\s().-]{3,40}$/, 'expected a phone number').optional(),
    description: freeText(MAX_DESCRIPTION),
    media_url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  })
  .strict()
  .refine((f) => (f.lat === undefined) === (f.long === undefined), { message: 'lat and long go together', path: ['long'] })
  .refine((f) => f.lat !== undefined || f.address_string !== undefined || f.address_id !== undefined, {
    message: 'a location is required: lat and long, address_string or address_id',
    path: ['lat'],
  });

/** A W3C date, or a datetime with its timezone, read as a Jakarta calendar date. */
const IncidentDate = z.union([z.iso.date(), z.iso.datetime({ offset: true }).transform((instant) => isoDateFromEpochDay(jakartaEpochDayOfInstant(instant)))]);

export const Attributes = z
  .object({
    kind: ComplaintKind.optional(),
    title: Title.optional(),
    incident_date: IncidentDate.optional(),
    anonymous: z.enum(['true', 'false']).optional(),
  })
  .strict();

const ATTRIBUTE_FIELD = /^attribute\[([^\]]*)\]$/;

export interface Open311Submission {
  readonly report: ComplaintReport;
  readonly reporter?: PersonalData;
}

/** Splits the form into the spec's fields and `attribute[code]` values, each validated (400 naming the field). */
function fieldsOf(body: Readonly<Record<string, unknown>>) {
  const entries = Object.entries(body);
  // fromEntries defines own properties, so a field named __proto__ is a field (refused as unknown), never a prototype.
  const fields = Object.fromEntries(entries.filter(([name]) => !ATTRIBUTE_FIELD.test(name)));
  const attributes = Object.fromEntries(entries.flatMap(([name, value]) => {
    const attribute = ATTRIBUTE_FIELD.exec(name);
    return attribute ? [[attribute[1]!, value] as const] : [];
  }));
  return { fields: parseInput(RequestFields, fields, 'body'), attributes: parseInput(Attributes, attributes, 'body') };
}

/**
 * Location to region: `address_id` is a Kemendagri region code and wins; otherwise a region
 * code leading the description ("32.73 Jalan rusak ...", the SMS rule); otherwise the
 * gateways' default region, for the SP4N admin to route on verification. lat/long are kept
 * with the complaint but not mapped to a region: the project holds no region boundaries.
 */
function locationOf(fields: z.output<typeof RequestFields>): Location {
  const description =
    fields.address_string ??
    (fields.lat !== undefined ? `${fields.lat}, ${fields.long}` : (regionName(fields.address_id!) ?? fields.address_id!));
  return {
    description,
    ...(fields.lat !== undefined && fields.long !== undefined ? { coordinates: { latitude: fields.lat, longitude: fields.long } } : {}),
  };
}

/** The POST body as a report for the intake command path, plus the reporter's name and contact (sealed by intake). */
export function open311Submission(body: Readonly<Record<string, unknown>>, options: { readonly receivedAt: Date; readonly defaultRegionCode: string }): Open311Submission {
  const { fields, attributes } = fieldsOf(body);
  // media_url points at a photo the client hosts: kept as a line of the text, since the ledger stores attachments by reference only.
  const text = fields.media_url === undefined ? fields.description : `${fields.description}\n\nMedia: ${fields.media_url}`;
  const base = gatewayReport(text, options);
  const report: ComplaintReport = {
    ...base,
    kind: attributes.kind ?? base.kind,
    title: attributes.title ?? base.title,
    incidentDate: attributes.incident_date ?? base.incidentDate,
    regionCode: fields.address_id ?? base.regionCode,
    location: locationOf(fields),
    category: fields.service_code,
    anonymous: attributes.anonymous === 'true',
  };
  const name = [fields.first_name, fields.last_name].filter((part) => part !== undefined).join(' ');
  const reporter: PersonalData = {
    ...(name === '' ? {} : { name }),
    ...(fields.phone === undefined ? {} : { phone: fields.phone }),
    ...(fields.email === undefined ? {} : { email: fields.email }),
  };
  return { report, ...(Object.keys(reporter).length === 0 ? {} : { reporter }) };
}
