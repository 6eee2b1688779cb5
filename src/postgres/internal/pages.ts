/**
 * Reading rows whose values may be of any size. The driver refuses any one message from the
 * server over its `maxMessageSize` (16 MiB by default), and every row of a result is one message;
 * so a row holding a 20 MB record, sent whole, would fail every read of it, for ever.
 *
 * Pages are therefore bounded twice: by count (`PAGE_ROWS`) and by bytes (`PAGE_BYTES`, counted
 * from the size of each row's values as text, which the tables keep or PostgreSQL knows without
 * reading the value). A row whose values exceed `INLINE_BYTES` comes in its page without them,
 * and they are fetched on their own as one JSON array cut into `CHUNK_BYTES` slices, each its
 * own message. So no message exceeds about 1 MiB, whatever was committed, and a reader holds one
 * page (about 4 MiB, or one large row) at a time.
 */
import { Effect } from "effect"
import type { SqlClient } from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"

/** Rows per page at most. */
export const PAGE_ROWS = 1000
/** A page stops at the first row that begins past this many bytes of values. */
export const PAGE_BYTES = 4 * 1024 * 1024
/** Values of a row larger than this are fetched apart from its page, in chunks. */
export const INLINE_BYTES = 1024 * 1024
/** The size of each chunk of a large row. */
export const CHUNK_BYTES = 1024 * 1024

/** A query over a table whose rows are read in bounded pages, in the order of one column. */
export interface PagedQuery {
  /** The table, schema-qualified. */
  readonly table: string
  /** Small columns (or `expression AS name`), always sent. */
  readonly small: ReadonlyArray<string>
  /** Columns that may be large: sent with the row when it is small, else fetched in chunks. */
  readonly large: ReadonlyArray<string>
  /** SQL for the size in bytes of the row's large values as text. */
  readonly size: string
  /** The column pages follow, unique within the filter and among `small`, and its SQL type. */
  readonly order: string
  readonly orderType: "bigint" | "integer" | "text"
  /** SQL conditions besides `order > $1`; parameters from $2 on. */
  readonly where?: string
  /** One row, for fetching its large values: SQL conditions and their parameters. */
  readonly identity: (row: { readonly [column: string]: unknown }) => { readonly where: string; readonly params: ReadonlyArray<unknown> }
}

const alias = (column: string): string => column.split(/\s+AS\s+/i).at(-1)!

/** A page of rows, and whether rows after it may match (false once the filter is exhausted). */
export interface Page<Row> {
  readonly rows: Array<Row>
  readonly more: boolean
}

/**
 * The rows after `after` (in the order column), at most `PAGE_ROWS` of them and about
 * `PAGE_BYTES`, at least one when there is one; large values fetched apart. `params` are the
 * filter's parameters ($2 on).
 */
export const readPage = <Row extends object>(
  sql: SqlClient,
  query: PagedQuery,
  after: string | number,
  params: ReadonlyArray<unknown> = []
): Effect.Effect<Page<Row>, SqlError> => {
  const smallNames = query.small.map(alias)
  // `fetched` counts the rows the LIMIT let through, before the byte bound cut the page.
  const text = `SELECT ${smallNames.join(", ")}, ${query.large.map((c) => `CASE WHEN NOT large THEN ${c} END AS ${c}`).join(", ")}, large, fetched
    FROM (
      SELECT *, size > ${INLINE_BYTES} AS large, sum(size) OVER (ORDER BY ${query.order}) - size AS before, count(*) OVER () AS fetched
      FROM (
        SELECT ${query.small.join(", ")}, ${query.large.join(", ")}, ${query.size} AS size
        FROM ${query.table} WHERE ${query.order} > $1::${query.orderType} ${query.where === undefined ? "" : `AND ${query.where}`}
        ORDER BY ${query.order} LIMIT ${PAGE_ROWS}
      ) page
    ) sized
    WHERE before < ${PAGE_BYTES}
    ORDER BY ${query.order}`
  return Effect.flatMap(
    sql.unsafe<Row & { readonly large: boolean; readonly fetched: bigint | number }>(text, [after, ...params]),
    (rows) => {
      const fetched = Number(rows[0]?.fetched ?? 0)
      const more = fetched === PAGE_ROWS || rows.length < fetched
      if (!rows.some((row) => row.large)) return Effect.succeed({ rows: rows as ReadonlyArray<Row> as Array<Row>, more })
      return Effect.map(
        Effect.forEach(rows, (row) =>
        row.large
          ? Effect.map(
            fetchLarge(sql, query, query.identity(row as { readonly [column: string]: unknown })),
            (values) => {
              const full: Record<string, unknown> = { ...row }
              query.large.forEach((c, i) => {
                full[c] = values[i]
              })
              return full as Row
            }
          )
          : Effect.succeed(row as Row)),
        (all) => ({ rows: all, more })
      )
    }
  )
}

/**
 * The large values of one row, as the JSON array of them cut into byte slices (a slice may end
 * inside a character; the slices are joined before decoding). The subquery is kept apart
 * (`OFFSET 0`) so that the array is built once, not once per slice.
 */
const fetchLarge = (
  sql: SqlClient,
  query: PagedQuery,
  identity: { readonly where: string; readonly params: ReadonlyArray<unknown> }
): Effect.Effect<Array<unknown>, SqlError> => {
  const text = `SELECT i, substring(r.t FROM i * ${CHUNK_BYTES} + 1 FOR ${CHUNK_BYTES}) AS part
    FROM (SELECT convert_to(json_build_array(${query.large.join(", ")})::text, 'UTF8') AS t FROM ${query.table} WHERE ${identity.where} OFFSET 0) r,
      generate_series(0, greatest(octet_length(r.t) - 1, 0) / ${CHUNK_BYTES}) AS i`
  return Effect.map(
    sql.unsafe<{ readonly i: number; readonly part: Uint8Array }>(text, identity.params),
    (rows) => {
      const parts = [...rows].sort((a, b) => a.i - b.i).map((r) => r.part)
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
      let offset = 0
      for (const part of parts) {
        bytes.set(part, offset)
        offset += part.length
      }
      return JSON.parse(new TextDecoder().decode(bytes)) as Array<unknown>
    }
  )
}
