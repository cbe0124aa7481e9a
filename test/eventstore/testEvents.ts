import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SealedPersonalData } from '../../domain/personalData';
import type { EventRegistry } from '../../eventstore/eventRegistry';
import type { NewEvent } from '../../eventstore/port';

/** A tiny event vocabulary for the event store contract: the store must not care about the domain. */
export const testEventRegistry: EventRegistry = {
  CounterIncremented: { version: 1, schema: z.object({ by: z.number().int(), note: z.string().optional() }).strict() },
  PersonRecorded: { version: 1, schema: z.object({ person: SealedPersonalData }).strict() },
};

export function counterIncremented(by: number, overrides: { eventId?: string; note?: string } = {}): NewEvent {
  return testEvent('CounterIncremented', overrides.note === undefined ? { by } : { by, note: overrides.note }, overrides.eventId);
}

export function testEvent(type: string, data: unknown, eventId?: string): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: eventId ?? randomUUID(),
      actor: { id: 'tester', role: 'system' },
      channel: 'internal',
      correlationId: 'contract-test',
      causationId: 'contract-test',
      occurredAt: '2026-11-28T08:00:00.000+07:00',
      schemaVersion: 1,
    },
  };
}

export function uniqueStreamId(prefix = 'counter'): string {
  return `${prefix}-${randomUUID()}`;
}
