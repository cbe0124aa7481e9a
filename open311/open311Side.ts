import type { Router } from 'express';
import { RateLimitStore } from '../app/http/rateLimitStore';
import type { SqlClient } from '../eventstore/postgres/sqlClient';
import { Open311ApiKeys } from './apiKeys';
import { open311Router, type Open311Dependencies } from './open311Router';

export interface Open311Side {
  readonly router: Router;
  readonly apiKeys: Open311ApiKeys;
}

/** The Open311 endpoint over the ledger's SQL database: its client keys and rate limits live there too. */
export async function createOpen311Side(parts: Omit<Open311Dependencies, 'apiKeys' | 'rateLimits'> & { readonly sql: SqlClient; readonly schema: string }): Promise<Open311Side> {
  const { sql, schema, ...deps } = parts;
  const apiKeys = await Open311ApiKeys.open(sql, schema);
  const rateLimits = await RateLimitStore.open(sql, schema);
  return { router: open311Router({ ...deps, apiKeys, rateLimits }), apiKeys };
}
