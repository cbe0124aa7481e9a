import { createPGliteSqlClient, openPGlite } from '../../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { SignInCodes } from '../../../commands/reporter/signInCodes';
import { connect, dropSchema, uniqueSchema } from '../../eventstore/postgres/testDatabase';

const at = (minute: number): Date => new Date(Date.UTC(2025, 2, 3, 2, minute));

/** The store on its own, with explicit instants: replacement, expiry, the try cap under concurrency, purge. */
function signInCodesSuite(label: string, open: () => Promise<{ sql: SqlClient; schema: string; drop(): Promise<void> }>): void {
  describe(`${label}: sign-in codes store`, () => {
    let codes: SignInCodes;
    let triesOf: (blindIndex: string) => Promise<number | undefined>;
    let close: () => Promise<void>;
    let serial = 0;
    const contact = (): string => `contact-${label}-${++serial}`;
    beforeAll(async () => {
      const database = await open();
      codes = await SignInCodes.open(database.sql, database.schema);
      triesOf = async (blindIndex) => (await database.sql.query<{ tries: number }>(`SELECT tries FROM ${database.schema}.sign_in_codes WHERE blind_index = $1`, [blindIndex]))[0]?.tries;
      close = database.drop;
    });
    afterAll(() => close());

    test('redeems the right hash once, before the expiry instant only', async () => {
      const [fresh, late] = [contact(), contact()];
      await codes.issue(fresh, 'acct-1', 'hash-right', at(10));
      await codes.issue(late, 'acct-2', 'hash-right', at(10));
      expect(await codes.redeem(fresh, 'hash-wrong', at(0))).toBeUndefined();
      expect(await codes.redeem(fresh, 'hash-right', at(9))).toBe('acct-1');
      expect(await codes.redeem(fresh, 'hash-right', at(9))).toBeUndefined();
      expect(await codes.redeem(late, 'hash-right', at(10))).toBeUndefined();
    });

    test('a new code replaces the old one and its tries start again', async () => {
      const c = contact();
      await codes.issue(c, 'acct-3', 'hash-old', at(10));
      for (let n = 0; n < 5; n++) await codes.redeem(c, 'hash-wrong', at(0));
      await codes.issue(c, 'acct-3', 'hash-new', at(10));
      expect(await codes.redeem(c, 'hash-old', at(0))).toBeUndefined();
      expect(await codes.redeem(c, 'hash-new', at(0))).toBe('acct-3');
    });

    test('of 20 guesses at once, 5 are counted and compared, the rest refused unseen; of 2 right tries at once, one wins', async () => {
      const guessed = contact();
      await codes.issue(guessed, 'acct-4', 'hash-right', at(10));
      await Promise.all(Array.from({ length: 20 }, () => codes.redeem(guessed, 'hash-wrong', at(0))));
      expect(await triesOf(guessed)).toBe(5);
      expect(await codes.redeem(guessed, 'hash-right', at(0))).toBeUndefined();
      const raced = contact();
      await codes.issue(raced, 'acct-5', 'hash-right', at(10));
      const winners = await Promise.all([codes.redeem(raced, 'hash-right', at(0)), codes.redeem(raced, 'hash-right', at(0))]);
      expect(winners.filter((winner) => winner !== undefined)).toEqual(['acct-5']);
    });

    test('purges the codes expired by the instant given, and only those', async () => {
      const [expired, live] = [contact(), contact()];
      await codes.issue(expired, 'acct-6', 'hash', at(-50));
      await codes.issue(live, 'acct-7', 'hash', at(-30));
      expect(await codes.purgeExpired(at(-40))).toBe(1);
      expect(await triesOf(expired)).toBeUndefined();
      expect(await codes.redeem(live, 'hash', at(-45))).toBe('acct-7');
    });
  });
}

signInCodesSuite('PostgreSQL', async () => {
  const sql = connect(5);
  const schema = uniqueSchema('sign_in_codes');
  return { sql, schema, drop: async () => (await dropSchema(sql, schema), await sql.close()) };
});

signInCodesSuite('PGlite', async () => {
  const sql = createPGliteSqlClient(await openPGlite());
  return { sql, schema: 'lapor', drop: () => sql.close() };
});
