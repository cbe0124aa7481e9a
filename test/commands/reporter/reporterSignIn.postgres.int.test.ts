import { harnessForFile } from '../../read-api/readApiHarness';
import { reporterSignInSuite, settableClock, signInRateLimits } from './signInSuite';

const clock = settableClock();
reporterSignInSuite('PostgreSQL', harnessForFile({ postgresSchemaPrefix: 'sign_in' }, { commandClock: clock.now, rateLimits: signInRateLimits }), clock);
