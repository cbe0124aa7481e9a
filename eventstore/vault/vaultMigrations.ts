import type { Migration } from '../postgres/migrate';

export const vaultMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'reporter data keys',
    sql: `
      -- One data key per reporter (or per anonymous submission), wrapped by the master key.
      -- Erasure removes the key material and keeps the row, so that nothing is ever
      -- sealed again under an erased identity.
      CREATE TABLE $S.vault_keys (
        key_id text PRIMARY KEY,
        wrapped_key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      );
    `,
  },
];
