import { z } from 'zod';
import { IdempotencyKeyHeader } from '../app/http/idempotency/idempotencyKey';
import type { ResponseDescription, RouteDescription } from '../read-api/openapi/routeDescription';
import { OPEN311_CONTENT_TYPES, OPEN311_FORMATS, type Open311Format } from './format';
import { CommonQuery, OPEN311_BASE, ServiceCodeParams, ServiceRequestParams } from './parameters';
import { RequestsQuery } from './requestQuery';
import { Attributes, RequestFields } from './submission';

/*
 * The GeoReport v2 routes for the OpenAPI document: each resource twice, as .json (its
 * schema below) and .xml (the same data as elements; text/xml). The schemas state the
 * spec's required fields, types and enums; the conformance tests check answers against them.
 */

const W3cDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);

export const Open311Errors = z.array(z.object({ code: z.int().min(400).max(599), description: z.string() }).strict()).min(1);

export const DiscoverySchema = z
  .object({
    changeset: W3cDateTime,
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z
        .object({
          specification: z.string(),
          url: z.string(),
          changeset: W3cDateTime,
          type: z.enum(['production', 'test']),
          formats: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();

export const ServicesSchema = z.array(
  z
    .object({
      service_code: z.string(),
      service_name: z.string(),
      description: z.string(),
      metadata: z.boolean(),
      type: z.enum(['realtime', 'batch', 'blackbox']),
      keywords: z.string(),
      group: z.string(),
    })
    .strict(),
);

export const ServiceDefinitionSchema = z
  .object({
    service_code: z.string(),
    attributes: z.array(
      z
        .object({
          variable: z.boolean(),
          code: z.string(),
          datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
          required: z.boolean(),
          datatype_description: z.string(),
          order: z.int().min(1),
          description: z.string(),
          values: z.array(z.object({ key: z.string(), name: z.string() }).strict()).optional(),
        })
        .strict(),
    ),
  })
  .strict();

export const FiledSchema = z.array(z.object({ service_request_id: z.string(), service_notice: z.string().nullable(), account_id: z.string().nullable() }).strict()).length(1);

const nullableText = z.string().nullable();
export const ServiceRequestsSchema = z.array(
  z
    .object({
      service_request_id: z.string(),
      status: z.enum(['open', 'closed']),
      status_notes: nullableText,
      service_name: z.string(),
      service_code: z.string(),
      description: z.string(),
      agency_responsible: z.string(),
      service_notice: nullableText,
      requested_datetime: W3cDateTime,
      updated_datetime: W3cDateTime,
      expected_datetime: W3cDateTime.nullable(),
      address: nullableText,
      address_id: nullableText,
      zipcode: nullableText,
      lat: z.number().nullable(),
      long: z.number().nullable(),
      media_url: nullableText,
    })
    .strict(),
);

/** The POST form: the spec's fields and our attribute[code] fields. */
const RequestForm = z.object({
  ...RequestFields.shape,
  ...Object.fromEntries(Object.entries(Attributes.shape).map(([code, schema]) => [`attribute[${code}]`, schema])),
});

const errorsIn = (format: Open311Format, description: string): ResponseDescription => ({
  description: `${description} (the spec's errors document: code and description of each)`,
  body: format === 'json' ? Open311Errors : z.string(),
  contentType: OPEN311_CONTENT_TYPES[format],
});

const bodyIn = (format: Open311Format, description: string, schema: z.ZodType): ResponseDescription => ({
  description,
  body: format === 'json' ? schema : z.string().meta({ description: 'The same data as XML elements (UTF-8)' }),
  contentType: OPEN311_CONTENT_TYPES[format],
});

interface Resource {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly operation: string;
  readonly summary: string;
  readonly request: RouteDescription['request'];
  readonly ok: { readonly description: string; readonly schema: z.ZodType };
  readonly errors: Readonly<Record<number, string>>;
}

const BAD_REQUEST = 'A parameter is missing or not valid';
const resources: readonly Resource[] = [
  {
    method: 'get',
    path: '/discovery',
    operation: 'Discovery',
    summary: 'Open311 service discovery: this GeoReport v2 endpoint and its formats',
    request: { query: CommonQuery },
    ok: { description: 'The discovery document', schema: DiscoverySchema },
    errors: { 400: BAD_REQUEST },
  },
  {
    method: 'get',
    path: '/services',
    operation: 'Services',
    summary: 'GeoReport v2 service list: the complaint categories, with group and keywords',
    request: { query: CommonQuery },
    ok: { description: 'Every service', schema: ServicesSchema },
    errors: { 400: BAD_REQUEST },
  },
  {
    method: 'get',
    path: '/services/{serviceCode}',
    operation: 'ServiceDefinition',
    summary: 'GeoReport v2 service definition: the attributes a request of this service may carry',
    request: { params: ServiceCodeParams, query: CommonQuery },
    ok: { description: 'The definition', schema: ServiceDefinitionSchema },
    errors: { 400: BAD_REQUEST, 404: 'No service has this service_code' },
  },
  {
    method: 'post',
    path: '/requests',
    operation: 'PostServiceRequest',
    summary: 'GeoReport v2: file a service request (a complaint) through the intake command path; api_key required',
    request: { headers: IdempotencyKeyHeader.partial(), body: RequestForm, bodyContentType: 'application/x-www-form-urlencoded' },
    ok: { description: 'Filed: its service_request_id is the tracking id', schema: FiledSchema },
    errors: {
      400: 'A field is missing or not valid, or the ledger refused the report',
      403: 'api_key is missing or not valid',
      404: 'No service has this service_code',
      413: 'The form is too large',
      429: "Too many requests of this client app, or from this reporter's phone, this hour (Retry-After)",
      503: 'The ledger was busy; retry with the same Idempotency-Key',
    },
  },
  {
    method: 'get',
    path: '/requests',
    operation: 'ServiceRequests',
    summary: 'GeoReport v2: service requests that are not confidential, newest first, at most 1000, within 90 days',
    request: { query: RequestsQuery },
    ok: { description: 'The requests found', schema: ServiceRequestsSchema },
    errors: { 400: BAD_REQUEST },
  },
  {
    method: 'get',
    path: '/requests/{serviceRequestId}',
    operation: 'ServiceRequest',
    summary: 'GeoReport v2: one service request by its id (the tracking id); confidential ones are not found',
    request: { params: ServiceRequestParams, query: CommonQuery },
    ok: { description: 'A list of one request, as the spec has it', schema: ServiceRequestsSchema.length(1) },
    errors: { 400: BAD_REQUEST, 404: 'No service request has this id, or it is confidential' },
  },
];

export const open311RouteDescriptions: readonly RouteDescription[] = resources.flatMap((resource) =>
  OPEN311_FORMATS.map(
    (format): RouteDescription => ({
      method: resource.method,
      path: `${OPEN311_BASE}${resource.path}.${format}`,
      operationId: `open311${resource.operation}${format === 'json' ? 'Json' : 'Xml'}`,
      summary: resource.summary,
      tag: 'open311',
      auth: 'none',
      ...(resource.request === undefined ? {} : { request: resource.request }),
      responses: {
        200: bodyIn(format, resource.ok.description, resource.ok.schema),
        ...Object.fromEntries(Object.entries(resource.errors).map(([status, description]) => [status, errorsIn(format, description)])),
        500: errorsIn(format, 'Internal error; the description carries the request id only'),
      },
    }),
  ),
);
