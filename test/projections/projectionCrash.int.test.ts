import { allProjections } from '../../projections/catalog';
import { crashSafetyTest } from './crashSafetyTest';

// Read models on PostgreSQL, in the ledger's schema: documents and checkpoint commit in one transaction.
crashSafetyTest('PostgreSQL', { readStoreUrl: undefined, openStore: (ledger) => ledger.openStore(allProjections) });
