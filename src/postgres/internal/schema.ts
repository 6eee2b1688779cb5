/**
 * The journal's tables, as numbered migrations, and the runner that applies them. Each migration
 * is a list of statements run in one transaction together with the row that records it in
 * `<schema>.schema_migrations`, under a transaction-level advisory lock: processes that open the
 * same schema at once take turns, and the later ones find nothing left to do.
 */
import { Effect } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"

/** A schema name the store accepts: a plain lower-case identifier, short enough for a channel name. */
export const schemaNamePattern = /^[a-z_][a-z0-9_]{0,39}$/

/** The channel commits notify: the new head position is the payload. */
export const channelOf = (schema: string): string => `protest_chronicle:${schema}`

interface Migration {
  readonly version: number
  readonly name: string
  readonly statements: (schema: string) => ReadonlyArray<string>
}

/**
 * The commit function. `sameKey` is the condition on an entry `e` that its key is `p_key`: the
 * text itself until migration 3, then its hash (served by the unique index) and the text.
 */
const appendCommit = (s: string, create: "CREATE" | "CREATE OR REPLACE", sameKey: string): string =>
  `${create} FUNCTION ${s}.append_commit(p_key text, p_author text, p_now timestamptz, p_appends jsonb)
  RETURNS TABLE (outcome text, append_index integer, first_position bigint, recorded_ms bigint, actual integer[])
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v_head bigint;
    v_last timestamptz;
    v_at timestamptz;
    v_n integer := jsonb_array_length(p_appends);
    v_actual integer[];
    v_expected jsonb;
    v_i integer;
  BEGIN
    SELECT h.position, h.recorded_at INTO v_head, v_last FROM ${s}.head h FOR UPDATE;
    IF EXISTS (SELECT 1 FROM ${s}.entries e WHERE ${sameKey}) THEN
      RETURN QUERY SELECT 'duplicate'::text, NULL::integer, NULL::bigint, NULL::bigint, NULL::integer[];
      RETURN;
    END IF;
    SELECT array_agg((
      SELECT max(e.revision) FROM ${s}.entries e
      WHERE e.stream_type = a.value->>'t' AND e.stream_id = a.value->>'i'
    ) ORDER BY a.ordinality)
    INTO v_actual FROM jsonb_array_elements(p_appends) WITH ORDINALITY a;
    FOR v_i IN 1..v_n LOOP
      v_expected := p_appends->(v_i - 1)->'e';
      IF NOT (v_expected = '"any"'
        OR (v_expected = '"none"' AND v_actual[v_i] IS NULL)
        OR (jsonb_typeof(v_expected) = 'number' AND v_actual[v_i] IS NOT DISTINCT FROM (v_expected)::integer)) THEN
        RETURN QUERY SELECT 'conflict'::text, v_i - 1, NULL::bigint, NULL::bigint, v_actual;
        RETURN;
      END IF;
      IF (p_appends->(v_i - 1)->>'x')::boolean AND v_actual[v_i] IS NULL THEN
        RETURN QUERY SELECT 'nothing-to-retract'::text, v_i - 1, NULL::bigint, NULL::bigint, v_actual;
        RETURN;
      END IF;
    END LOOP;
    -- Record time never goes backwards along positions.
    v_at := CASE WHEN v_last IS NULL OR p_now > v_last THEN p_now ELSE v_last END;
    INSERT INTO ${s}.entries
      (position, stream_type, stream_id, revision, recorded_at, idempotency_key, commit_offset, author, reason, body)
    SELECT v_head + a.ordinality, a.value->>'t', a.value->>'i', coalesce(v_actual[a.ordinality::integer], 0) + 1,
      v_at, p_key, a.ordinality::integer - 1, p_author, a.value->>'r', a.value->'b'
    FROM jsonb_array_elements(p_appends) WITH ORDINALITY a;
    UPDATE ${s}.head SET position = v_head + v_n, recorded_at = v_at;
    PERFORM pg_notify('${channelOf(s)}', (v_head + v_n)::text);
    RETURN QUERY SELECT 'committed'::text, NULL::integer, v_head + 1,
      (extract(epoch FROM v_at) * 1000)::bigint, v_actual;
  END
  $fn$`

// Each commit is one call of `append_commit`, one statement: one round trip, atomic by itself.
// It first locks the single row of `head`, and that lock is held until the transaction ends.
// So commits take their positions one after another, without gaps, and a commit holding
// positions n+1… cannot start before the one holding …n has committed and become visible (the
// server makes a transaction visible before it releases its locks). Readers therefore never see a
// position before every lower one is visible: ordering by position is commit order.
// The unique constraints repeat the checks that run under the lock, so that even a writer that
// bypassed the function could not write a second revision n or reuse an idempotency key.
const journal = (s: string): ReadonlyArray<string> => [
  `CREATE TABLE ${s}.entries (
    position bigint PRIMARY KEY CHECK (position >= 1),
    stream_type text NOT NULL,
    stream_id text NOT NULL,
    revision integer NOT NULL CHECK (revision >= 1),
    recorded_at timestamptz NOT NULL,
    idempotency_key text NOT NULL,
    commit_offset integer NOT NULL CHECK (commit_offset >= 0),
    author text,
    reason text,
    body jsonb NOT NULL,
    CONSTRAINT entries_stream_revision_key UNIQUE (stream_type, stream_id, revision),
    CONSTRAINT entries_commit_key UNIQUE (idempotency_key, commit_offset)
  )`,
  `COMMENT ON TABLE ${s}.entries IS 'protest-chronicle journal: one row per entry, append-only'`,
  `CREATE TABLE ${s}.head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    position bigint NOT NULL CHECK (position >= 0),
    recorded_at timestamptz
  )`,
  `COMMENT ON TABLE ${s}.head IS 'protest-chronicle journal: the last position and record time; its row lock orders commits'`,
  `INSERT INTO ${s}.head (singleton, position, recorded_at) VALUES (true, 0, NULL)`,
  appendCommit(s, "CREATE", "e.idempotency_key = p_key")
]

const readModels = (s: string): ReadonlyArray<string> => [
  `CREATE TABLE ${s}.read_models (
    name text PRIMARY KEY,
    version integer NOT NULL,
    position bigint NOT NULL CHECK (position >= 0),
    state jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `COMMENT ON TABLE ${s}.read_models IS 'protest-chronicle read models: each state with the journal position it includes'`
]

// Entries of any size, keys of any length, read models in rows.
// - An idempotency key is unique through its SHA-256, not its text: a b-tree entry holds at most
//   about 2.7 kB, so a unique index on the text refused longer keys with an opaque error.
//   `key_hash` hashes the text's own bytes: `decode(…, 'escape')` copies them once every
//   backslash is doubled. Built only of immutable functions, it is inlined wherever it is used,
//   which spares each commit a call of a SQL function (planned anew in every statement).
// - `body_size` (the body's size as text) lets readers bound their pages by bytes and fetch large
//   rows in slices without reading the bodies first (see pages.ts).
// - A read model's state is kept in rows (`read_model_rows`), each a part of the state under a key
//   the read model chooses, as JSON text (the database never looks inside, and text is neither
//   parsed on the way in nor measured by conversion), with the checkpoint of the catch-up that
//   wrote it; `read_models` keeps each read model's version and checkpoint. The old one-row
//   states are dropped: read models are derived data, rebuilt on the next catch-up.
const rowsAndKeys = (s: string): ReadonlyArray<string> => [
  `CREATE FUNCTION ${s}.key_hash(p_key text) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $fn$ SELECT sha256(decode(replace(p_key, E'\\\\', E'\\\\\\\\'), 'escape')) $fn$`,
  `ALTER TABLE ${s}.entries DROP CONSTRAINT entries_commit_key`,
  `CREATE UNIQUE INDEX entries_commit_key ON ${s}.entries (${s}.key_hash(idempotency_key), commit_offset)`,
  `ALTER TABLE ${s}.entries ADD COLUMN body_size integer GENERATED ALWAYS AS (octet_length(body::text)) STORED`,
  appendCommit(s, "CREATE OR REPLACE", `${s}.key_hash(e.idempotency_key) = ${s}.key_hash(p_key) AND e.idempotency_key = p_key`),
  `DROP TABLE ${s}.read_models`,
  `CREATE TABLE ${s}.read_models (
    name text PRIMARY KEY,
    version integer NOT NULL,
    position bigint NOT NULL CHECK (position >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `COMMENT ON TABLE ${s}.read_models IS 'protest-chronicle read models: each one''s version and the journal position its rows include'`,
  `CREATE TABLE ${s}.read_model_rows (
    name text NOT NULL,
    key text COLLATE "C" NOT NULL,
    value text NOT NULL,
    position bigint NOT NULL,
    PRIMARY KEY (name, key)
  )`,
  `COMMENT ON TABLE ${s}.read_model_rows IS 'protest-chronicle read models: the parts of each state, by key, with the checkpoint that wrote them'`
]

// Commits in columns. The commit's appends arrive as one array per column (stream types, ids,
// expected revisions, retraction flags, reasons, bodies as JSON text) instead of one jsonb
// document: the server parses each body once, as it would in a COPY, rather than the whole
// commit as one document whose elements are then copied out again, and the checks are set-based
// statements instead of a loop. Measured on a commit of 10,000 ACLED events, the document's
// parse alone took as long as the insert. The locking, the checks and their order, the outcomes
// and the notification are those of the function it replaces (migrations 1 and 3).
// An expected revision is -1 for "any", 0 for "none", n >= 1 for revision n, and -2 for one beyond
// the integer range of `revision` (the store sends it for those; it is never met: a conflict).
const appendColumns = (s: string): string =>
  `CREATE FUNCTION ${s}.append_commit(p_key text, p_author text, p_now timestamptz,
    p_types text[], p_ids text[], p_expected integer[], p_retract boolean[], p_reasons text[], p_bodies text[])
  RETURNS TABLE (outcome text, append_index integer, first_position bigint, recorded_ms bigint, actual integer[])
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v_head bigint;
    v_last timestamptz;
    v_at timestamptz;
    v_n integer := cardinality(p_types);
    v_actual integer[];
    v_failed integer;
    v_outcome text;
  BEGIN
    IF v_n = 0 OR cardinality(p_ids) <> v_n OR cardinality(p_expected) <> v_n OR cardinality(p_retract) <> v_n
      OR cardinality(p_reasons) <> v_n OR cardinality(p_bodies) <> v_n THEN
      RAISE EXCEPTION 'append_commit: the columns of a commit must be non-empty and of one length';
    END IF;
    SELECT h.position, h.recorded_at INTO v_head, v_last FROM ${s}.head h FOR UPDATE;
    IF EXISTS (SELECT 1 FROM ${s}.entries e
      WHERE ${s}.key_hash(e.idempotency_key) = ${s}.key_hash(p_key) AND e.idempotency_key = p_key) THEN
      RETURN QUERY SELECT 'duplicate'::text, NULL::integer, NULL::bigint, NULL::bigint, NULL::integer[];
      RETURN;
    END IF;
    SELECT array_agg((
      SELECT max(e.revision) FROM ${s}.entries e WHERE e.stream_type = a.t AND e.stream_id = a.i
    ) ORDER BY a.n)
    INTO v_actual FROM unnest(p_types, p_ids) WITH ORDINALITY a(t, i, n);
    -- The first append whose expectation fails: a conflict, or else a retraction of nothing.
    SELECT c.n::integer - 1, CASE WHEN c.met THEN 'nothing-to-retract' ELSE 'conflict' END
    INTO v_failed, v_outcome
    FROM (
      SELECT u.n, u.x, u.act,
        (u.e = -1 OR (u.e = 0 AND u.act IS NULL) OR (u.e > 0 AND u.act IS NOT DISTINCT FROM u.e)) AS met
      FROM unnest(p_expected, p_retract, v_actual) WITH ORDINALITY u(e, x, act, n)
    ) c
    WHERE NOT c.met OR (c.x AND c.act IS NULL)
    ORDER BY c.n
    LIMIT 1;
    IF v_outcome IS NOT NULL THEN
      RETURN QUERY SELECT v_outcome, v_failed, NULL::bigint, NULL::bigint, v_actual;
      RETURN;
    END IF;
    -- Record time never goes backwards along positions.
    v_at := CASE WHEN v_last IS NULL OR p_now > v_last THEN p_now ELSE v_last END;
    INSERT INTO ${s}.entries
      (position, stream_type, stream_id, revision, recorded_at, idempotency_key, commit_offset, author, reason, body)
    SELECT v_head + u.n, u.t, u.i, coalesce(u.act, 0) + 1, v_at, p_key, u.n::integer - 1, p_author, u.r, u.b::jsonb
    FROM unnest(p_types, p_ids, p_reasons, p_bodies, v_actual) WITH ORDINALITY u(t, i, r, b, act, n);
    UPDATE ${s}.head SET position = v_head + v_n, recorded_at = v_at;
    PERFORM pg_notify('${channelOf(s)}', (v_head + v_n)::text);
    RETURN QUERY SELECT 'committed'::text, NULL::integer, v_head + 1,
      (extract(epoch FROM v_at) * 1000)::bigint, v_actual;
  END
  $fn$`

const commitsInColumns = (s: string): ReadonlyArray<string> => [
  `DROP FUNCTION ${s}.append_commit(text, text, timestamptz, jsonb)`,
  appendColumns(s)
]

/** Every migration, in order. Append new ones; never edit a released one. */
export const migrations: ReadonlyArray<Migration> = [
  { version: 1, name: "journal", statements: journal },
  { version: 2, name: "read models", statements: readModels },
  { version: 3, name: "read models in rows, keys of any length", statements: rowsAndKeys },
  { version: 4, name: "commits in columns", statements: commitsInColumns }
]

/** The schema version this code writes and reads. */
export const currentVersion = migrations.at(-1)!.version

/** Why the schema cannot be used as it is. */
export type SchemaProblem =
  | { readonly _tag: "Newer"; readonly version: number }
  | { readonly _tag: "Behind"; readonly version: number }

const tableExists = (sql: SqlClient, name: string) =>
  Effect.map(sql.unsafe<{ readonly found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [name]), (rows) => rows[0]?.found === true)

const readVersion = (sql: SqlClient, schema: string) =>
  Effect.flatMap(tableExists(sql, `${schema}.schema_migrations`), (exists) =>
    exists
      ? Effect.map(sql.unsafe<{ readonly version: number }>(`SELECT coalesce(max(version), 0)::integer AS version FROM ${schema}.schema_migrations`), (rows) => rows[0]?.version ?? 0)
      : Effect.succeed(0))

/**
 * Brings `schema` up to `currentVersion`, creating it when missing; the versions applied now. Fails
 * with `Newer` when the schema was migrated by a newer release of this library.
 */
export const migrate = (sql: SqlClient, schema: string): Effect.Effect<ReadonlyArray<number>, SqlError | SchemaProblem> =>
  sql.withTransaction(
    Effect.gen(function*() {
      yield* sql.unsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`protest-chronicle:${schema}`])
      yield* sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      yield* sql.unsafe(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`)
      const version = yield* readVersion(sql, schema)
      if (version > currentVersion) return yield* Effect.fail<SchemaProblem>({ _tag: "Newer", version })
      const applied: Array<number> = []
      for (const migration of migrations) {
        if (migration.version <= version) continue
        for (const statement of migration.statements(schema)) yield* sql.unsafe(statement)
        yield* sql.unsafe(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name])
        applied.push(migration.version)
      }
      return applied
    })
  )

/** Checks, without changing anything, that `schema` is at `currentVersion`. */
export const verify = (sql: SqlClient, schema: string): Effect.Effect<void, SqlError | SchemaProblem> =>
  Effect.flatMap(readVersion(sql, schema), (version) =>
    version === currentVersion
      ? Effect.void
      : Effect.fail<SchemaProblem>(version > currentVersion ? { _tag: "Newer", version } : { _tag: "Behind", version }))

