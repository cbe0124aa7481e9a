import type { z } from 'zod';
import { InvalidEvent } from './errors';

/** One event type: its current schema version and how older stored versions are upcast. */
export interface EventDefinition<T = unknown> {
  readonly version: number;
  readonly schema: z.ZodType<T>;
  /** upcasters[v] turns the data of version v into version v + 1; events are never rewritten. */
  readonly upcasters?: Readonly<Record<number, (data: unknown) => unknown>>;
}

export type EventRegistry = Readonly<Record<string, EventDefinition>>;

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Validates data about to be written, in the type's current version. */
export function checkNewEvent(registry: EventRegistry, type: string, schemaVersion: number, data: unknown): void {
  const definition = registry[type];
  if (!definition) throw new InvalidEvent(type, [{ path: 'type', message: `unknown event type ${type}` }]);
  if (schemaVersion !== definition.version) {
    throw new InvalidEvent(type, [{ path: 'metadata.schemaVersion', message: `expected ${definition.version}, got ${schemaVersion}` }]);
  }
  const result = definition.schema.safeParse(data);
  if (!result.success) throw new InvalidEvent(type, issuesOf(result.error));
}

/** Brings data read back from the store to the current version and validates it. */
export function readBackEvent(
  registry: EventRegistry,
  type: string,
  schemaVersion: number,
  data: unknown,
): { ok: true; data: unknown } | { ok: false; reason: string } {
  const definition = registry[type];
  if (!definition) return { ok: false, reason: `unknown event type ${type}` };
  if (schemaVersion > definition.version) return { ok: false, reason: `${type} v${schemaVersion} is newer than this code (v${definition.version})` };
  let current = data;
  for (let v = schemaVersion; v < definition.version; v++) {
    const upcast = definition.upcasters?.[v];
    if (!upcast) return { ok: false, reason: `${type}: no upcaster from v${v}` };
    current = upcast(current);
  }
  const result = definition.schema.safeParse(current);
  return result.success ? { ok: true, data: result.data } : { ok: false, reason: issuesOf(result.error).map((i) => `${i.path}: ${i.message}`).join('; ') };
}
