import { apiHarnessForFile } from './apiHarness';
import { commandRoutesSuite } from './commandRoutesSuite';
import { concurrencySuite } from './concurrencySuite';
import { idempotencySuite } from './idempotencySuite';

const { harness } = apiHarnessForFile('commands');

commandRoutesSuite('PostgreSQL', harness);
idempotencySuite('PostgreSQL', harness);
concurrencySuite('PostgreSQL', harness);
