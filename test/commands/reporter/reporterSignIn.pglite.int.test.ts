import { harnessForFile } from '../../read-api/readApiHarness';
import { reporterSignInSuite, settableClock, signInRateLimits } from './signInSuite';

const clock = settableClock();
reporterSignInSuite('PGlite', harnessForFile('pglite', { commandClock: clock.now, rateLimits: signInRateLimits }), clock);
