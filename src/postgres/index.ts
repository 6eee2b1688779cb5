/**
 * protest-chronicle/postgres: the journal on a PostgreSQL server (`layerPostgres`) and read
 * models kept beside it (`ReadModel`). Needs the optional peer dependency `@effect/sql-pg`.
 *
 * @packageDocumentation
 */
export * from "./PostgresJournal.js"
export * as ReadModel from "./ReadModel.js"
