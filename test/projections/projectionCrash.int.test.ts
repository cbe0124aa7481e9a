import { allProjections } from '../../projections/catalog';
import { crashSafetyTest } from './crashSafetyTest';
import type { SqlLedger } from './suiteSetup';

// Read models on PostgreSQL, in the ledger's schema: documents and checkpoint commit in one transaction.
const postgres = { readStoreUrl: undefined, openStore: (ledger: SqlLedger) => ledger.openStore(allProjections) };
crashSafetyTest('PostgreSQL', postgres, 'catch-up');
crashSafetyTest('PostgreSQL', postgres, 'rebuild');
