import type { Migration } from './migrate';

/**
 * The ledger's schema, in order. Never edit a migration that has shipped: add one.
 * `$S` stands for the schema name.
 */
export const ledgerMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'append-only events table',
    sql: `
      CREATE TABLE $S.events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The appending transaction: readers only take rows below the oldest running
        -- transaction, so a row that commits late with a lower position is never skipped.
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_revision bigint NOT NULL CHECK (stream_revision >= 0),
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        hash bytea NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      );
      CREATE INDEX events_delivery_order ON $S.events (transaction_id, global_position);

      CREATE FUNCTION $S.refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $fn$;
      CREATE TRIGGER events_no_update_or_delete BEFORE UPDATE OR DELETE ON $S.events
        FOR EACH ROW EXECUTE FUNCTION $S.refuse_history_change();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON $S.events
        FOR EACH STATEMENT EXECUTE FUNCTION $S.refuse_history_change();

      -- One round trip per append: idempotency, the expected-revision check, the hash
      -- chain and the inserts. A concurrent writer of the same revision loses on the
      -- unique constraint, which the adapter turns into WrongExpectedVersion.
      CREATE FUNCTION $S.append_events(p_stream_id text, p_expected text, p_events jsonb)
      RETURNS TABLE (outcome text, last_revision bigint, last_transaction_id text, last_global_position bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_ids uuid[];
        v_found int;
        v_found_here int;
        v_current bigint;
        v_hash bytea;
        v_event jsonb;
        v_position bigint;
      BEGIN
        SELECT array_agg((e->>'eventId')::uuid) INTO v_ids FROM jsonb_array_elements(p_events) e;
        SELECT count(*), count(*) FILTER (WHERE ev.stream_id = p_stream_id) INTO v_found, v_found_here
          FROM $S.events ev WHERE ev.event_id = ANY (v_ids);
        IF v_found > 0 THEN
          IF v_found = cardinality(v_ids) AND v_found_here = v_found THEN
            RETURN QUERY SELECT 'duplicate'::text, ev.stream_revision, ev.transaction_id::text, ev.global_position
              FROM $S.events ev WHERE ev.event_id = ANY (v_ids) ORDER BY ev.stream_revision DESC LIMIT 1;
          ELSE
            RETURN QUERY SELECT 'idempotency_conflict'::text, NULL::bigint, NULL::text, NULL::bigint;
          END IF;
          RETURN;
        END IF;

        SELECT ev.stream_revision, ev.hash INTO v_current, v_hash
          FROM $S.events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.stream_revision DESC LIMIT 1;
        IF NOT FOUND THEN
          v_current := -1;
          v_hash := decode(repeat('00', 32), 'hex');
        END IF;
        IF (p_expected = 'no_stream' AND v_current <> -1)
           OR (p_expected = 'stream_exists' AND v_current = -1)
           OR (p_expected ~ '^[0-9]+$' AND v_current <> p_expected::bigint) THEN
          RETURN QUERY SELECT 'wrong_expected_version'::text, v_current, NULL::text, NULL::bigint;
          RETURN;
        END IF;

        FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          v_current := v_current + 1;
          v_hash := sha256(v_hash || convert_to(v_event->>'canonical', 'UTF8'));
          INSERT INTO $S.events (stream_id, stream_revision, event_id, event_type, data, metadata, hash)
          VALUES (p_stream_id, v_current, (v_event->>'eventId')::uuid, v_event->>'type', v_event->'data', v_event->'metadata', v_hash)
          RETURNING global_position INTO v_position;
        END LOOP;
        RETURN QUERY SELECT 'appended'::text, v_current, pg_current_xact_id()::text, v_position;
      END $fn$;
    `,
  },
  {
    version: 2,
    name: 'grouped appends',
    sql: `
      -- One entry of a group: exactly what append_events did for a whole call, now with one
      -- result row, so that a group can run many entries in one transaction.
      CREATE FUNCTION $S.append_entry(p_stream_id text, p_expected text, p_events jsonb,
        OUT outcome text, OUT last_revision bigint, OUT last_transaction_id text, OUT last_global_position bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_ids uuid[];
        v_found int;
        v_found_here int;
        v_current bigint;
        v_hash bytea;
        v_event jsonb;
      BEGIN
        SELECT array_agg((e->>'eventId')::uuid) INTO v_ids FROM jsonb_array_elements(p_events) e;
        SELECT count(*), count(*) FILTER (WHERE ev.stream_id = p_stream_id) INTO v_found, v_found_here
          FROM $S.events ev WHERE ev.event_id = ANY (v_ids);
        IF v_found > 0 THEN
          IF v_found = cardinality(v_ids) AND v_found_here = v_found THEN
            SELECT 'duplicate', ev.stream_revision, ev.transaction_id::text, ev.global_position
              INTO outcome, last_revision, last_transaction_id, last_global_position
              FROM $S.events ev WHERE ev.event_id = ANY (v_ids) ORDER BY ev.stream_revision DESC LIMIT 1;
          ELSE
            outcome := 'idempotency_conflict';
          END IF;
          RETURN;
        END IF;

        SELECT ev.stream_revision, ev.hash INTO v_current, v_hash
          FROM $S.events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.stream_revision DESC LIMIT 1;
        IF NOT FOUND THEN
          v_current := -1;
          v_hash := decode(repeat('00', 32), 'hex');
        END IF;
        IF (p_expected = 'no_stream' AND v_current <> -1)
           OR (p_expected = 'stream_exists' AND v_current = -1)
           OR (p_expected ~ '^[0-9]+$' AND v_current <> p_expected::bigint) THEN
          outcome := 'wrong_expected_version';
          last_revision := v_current;
          RETURN;
        END IF;

        FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
          v_current := v_current + 1;
          v_hash := sha256(v_hash || convert_to(v_event->>'canonical', 'UTF8'));
          INSERT INTO $S.events (stream_id, stream_revision, event_id, event_type, data, metadata, hash)
          VALUES (p_stream_id, v_current, (v_event->>'eventId')::uuid, v_event->>'type', v_event->'data', v_event->'metadata', v_hash)
          RETURNING global_position INTO last_global_position;
        END LOOP;
        outcome := 'appended';
        last_revision := v_current;
        last_transaction_id := pg_current_xact_id()::text;
      END $fn$;

      -- Appends that queued up in one process while an earlier call was in flight, in one
      -- transaction and one round trip: entries run in order, each against what the ones
      -- before it wrote, and each gets a result row of its own (an entry refused for its
      -- revision or ids does not stop the others). p_entries: [{streamId, expected, events}].
      CREATE FUNCTION $S.append_batch(p_entries jsonb)
      RETURNS TABLE (entry int, outcome text, last_revision bigint, last_transaction_id text, last_global_position bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_entry jsonb;
        v_index bigint;
      BEGIN
        FOR v_entry, v_index IN SELECT value, ordinality FROM jsonb_array_elements(p_entries) WITH ORDINALITY LOOP
          RETURN QUERY SELECT v_index::int, r.* FROM $S.append_entry(v_entry->>'streamId', v_entry->>'expected', v_entry->'events') r;
        END LOOP;
      END $fn$;

      -- Nodes of the previous version still call append_events during a rolling upgrade.
      CREATE OR REPLACE FUNCTION $S.append_events(p_stream_id text, p_expected text, p_events jsonb)
      RETURNS TABLE (outcome text, last_revision bigint, last_transaction_id text, last_global_position bigint)
      LANGUAGE sql AS $fn$ SELECT * FROM $S.append_entry(p_stream_id, p_expected, p_events) $fn$;
    `,
  },
  {
    version: 3,
    name: 'grouped appends checked and inserted set-wise',
    sql: `
      -- The usual group (one event per entry, each stream and event id once) cannot have
      -- an entry depend on another: it is checked and inserted in one statement, with the
      -- same answers append_entry gives. Any other group runs entry by entry, as before.
      CREATE OR REPLACE FUNCTION $S.append_batch(p_entries jsonb)
      RETURNS TABLE (entry int, outcome text, last_revision bigint, last_transaction_id text, last_global_position bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_entry jsonb;
        v_index bigint;
        v_independent boolean;
      BEGIN
        SELECT bool_and(jsonb_array_length(e->'events') = 1)
               AND count(DISTINCT e->>'streamId') = count(*)
               AND count(DISTINCT e->'events'->0->>'eventId') = count(*)
          INTO v_independent FROM jsonb_array_elements(p_entries) e;
        IF v_independent THEN
          RETURN QUERY
          WITH input AS (
            SELECT x.i::int AS entry, x.e->>'streamId' AS stream_id, x.e->>'expected' AS expected, x.e->'events'->0 AS event
              FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS x(e, i)
          ),
          decided AS (
            SELECT input.*, head.revision AS current, head.hash AS head_hash,
                   stored.stream_revision AS stored_revision, stored.transaction_id AS stored_transaction_id, stored.global_position AS stored_position,
                   CASE
                     WHEN stored.stream_id IS NOT NULL THEN CASE WHEN stored.stream_id = input.stream_id THEN 'duplicate' ELSE 'idempotency_conflict' END
                     WHEN CASE
                            WHEN input.expected = 'no_stream' THEN head.revision <> -1
                            WHEN input.expected = 'stream_exists' THEN head.revision = -1
                            WHEN input.expected ~ '^[0-9]+$' THEN head.revision <> input.expected::bigint
                            ELSE false
                          END THEN 'wrong_expected_version'
                     ELSE 'appended'
                   END AS outcome
              FROM input
              -- Lateral subqueries with LIMIT stay per-entry index lookups, whatever the table's statistics.
              LEFT JOIN LATERAL (
                SELECT ev.stream_id, ev.stream_revision, ev.transaction_id, ev.global_position
                  FROM $S.events ev WHERE ev.event_id = (input.event->>'eventId')::uuid LIMIT 1
              ) stored ON true
              CROSS JOIN LATERAL (
                SELECT coalesce(max(h.stream_revision), -1) AS revision,
                       coalesce((array_agg(h.hash))[1], decode(repeat('00', 32), 'hex')) AS hash
                  FROM (SELECT ev.stream_revision, ev.hash FROM $S.events ev WHERE ev.stream_id = input.stream_id ORDER BY ev.stream_revision DESC LIMIT 1) h
              ) head
          ),
          inserted AS (
            INSERT INTO $S.events (stream_id, stream_revision, event_id, event_type, data, metadata, hash)
            SELECT d.stream_id, d.current + 1, (d.event->>'eventId')::uuid, d.event->>'type', d.event->'data', d.event->'metadata',
                   sha256(d.head_hash || convert_to(d.event->>'canonical', 'UTF8'))
              FROM decided d WHERE d.outcome = 'appended' ORDER BY d.entry
            RETURNING stream_id, stream_revision, global_position
          )
          SELECT d.entry, d.outcome,
                 CASE d.outcome WHEN 'appended' THEN ins.stream_revision WHEN 'duplicate' THEN d.stored_revision WHEN 'wrong_expected_version' THEN d.current END,
                 CASE d.outcome WHEN 'appended' THEN pg_current_xact_id()::text WHEN 'duplicate' THEN d.stored_transaction_id::text END,
                 CASE d.outcome WHEN 'appended' THEN ins.global_position WHEN 'duplicate' THEN d.stored_position END
            FROM decided d LEFT JOIN inserted ins ON ins.stream_id = d.stream_id
           ORDER BY d.entry;
          RETURN;
        END IF;
        FOR v_entry, v_index IN SELECT value, ordinality FROM jsonb_array_elements(p_entries) WITH ORDINALITY LOOP
          RETURN QUERY SELECT v_index::int, r.* FROM $S.append_entry(v_entry->>'streamId', v_entry->>'expected', v_entry->'events') r;
        END LOOP;
      END $fn$;
    `,
  },
];
