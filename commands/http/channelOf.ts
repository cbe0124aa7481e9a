import type { Actor, Channel } from '../../eventstore/metadata';

/** Staff act in the back office; reporters (and anyone else) through the web portal. */
export const channelOf = (actor: Actor): Channel =>
  actor.role === 'admin' || actor.role === 'agency_officer' || actor.role === 'ombudsman' || actor.role === 'system' ? 'internal' : 'web';
