/**
 * The ACLED CSV benchmarks (issue 16). Import: 1,000,000 rows of an ACLED export file read into
 * journal appends by the streaming importer, as the file's reads arrive, against csv-parse's
 * streaming parser alone reading the same file. Export: 1,000,000 events written as ACLED CSV against csv-stringify alone writing rows of
 * the same size. Target for both: at least half the baseline's throughput (time ratio ≤ 2).
 */
import { parse as parseStreaming } from "csv-parse"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { Result } from "effect"
import { appendFileSync, createReadStream, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Acled } from "../src/interchange/index.js"
import type * as Event from "../src/model/Event.js"
import type { AnyRecord } from "../src/model/Vocabulary.js"
import { type Benchmark, compare } from "./harness.js"

const ROWS_PER_CHUNK = 10_000

const countries = ["Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Tajikistan"]
const regions = ["Mangystau", "Almaty", "Atyrau", "Aktobe", "Karaganda", "Shymkent"]
const towns = ["Zhanaozen", "Aktau", "Atyrau", "Almaty", "Astana", "Karaganda", "Shymkent", "Taraz", "Oral", "Kostanay", "Pavlodar", "Semey"]
const pairs = [
  ["Protests", "Peaceful protest"],
  ["Protests", "Peaceful protest"],
  ["Protests", "Peaceful protest"],
  ["Protests", "Protest with intervention"],
  ["Riots", "Violent demonstration"],
  ["Strategic developments", "Arrests"]
] as const

/** Row `i` of a synthetic export: realistic widths, a few hundred distinct places, actors and sources. */
export const syntheticRow = (i: number): ReadonlyArray<string> => {
  const country = countries[i % countries.length]!
  const admin1 = regions[(i >> 2) % regions.length]!
  const location = `${towns[(i >> 3) % towns.length]!} ${i % 17}`
  const [eventType, subEventType] = pairs[i % pairs.length]!
  const day = new Date(Date.UTC(2010, 0, 1) + (i % 5000) * 86_400_000).toISOString().slice(0, 10)
  const lat = (40 + (i % 1000) / 100).toFixed(4)
  const lon = (50 + (i % 700) / 100).toFixed(4)
  const row: { [C in Acled.Column]: string } = {
    event_id_cnty: `KAZ${i}`,
    event_date: day,
    year: day.slice(0, 4),
    time_precision: String(1 + (i % 7 === 0 ? 1 : 0)),
    disorder_type: "Demonstrations",
    event_type: eventType,
    sub_event_type: subEventType,
    actor1: `Protesters (${country})`,
    assoc_actor_1: i % 3 === 0 ? `Labor Group (${country}); Oil Workers ${i % 50}` : "",
    inter1: eventType === "Riots" ? "Rioters" : eventType === "Protests" ? "Protesters" : "State forces",
    actor2: subEventType === "Peaceful protest" ? "" : `Police Forces of ${country} (1991-)`,
    assoc_actor_2: "",
    inter2: subEventType === "Peaceful protest" ? "" : "State forces",
    interaction: "Protesters only",
    civilian_targeting: "",
    iso: "398",
    region: "Central Asia",
    country,
    admin1,
    admin2: `${admin1} District`,
    admin3: "",
    location,
    latitude: lat,
    longitude: lon,
    geo_precision: String(1 + (i % 3)),
    source: i % 2 === 0 ? `Vlast.kz; Radio Azattyq ${i % 20}` : "Kursiv",
    source_scale: "National",
    notes: `On ${day}, around ${i % 400} oil workers demonstrated in ${location}, demanding higher wages and the return of dismissed colleagues. [size=around ${i % 400}]`,
    fatalities: String(subEventType === "Peaceful protest" || subEventType === "Protest with intervention" ? 0 : i % 3),
    tags: eventType === "Strategic developments" ? "" : `crowd size=around ${i % 400}`,
    timestamp: String(1_600_000_000 + i)
  }
  return Acled.columns.map((c) => row[c])
}

const chunksOf = (rows: number): ReadonlyArray<string> => {
  const chunks: Array<string> = []
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    const cells: Array<ReadonlyArray<string>> = start === 0 ? [Acled.columns] : []
    for (let i = start; i < Math.min(rows, start + ROWS_PER_CHUNK); i++) cells.push(syntheticRow(i))
    chunks.push(stringify(cells as Array<Array<string>>))
  }
  return chunks
}

// Writes `rows` synthetic rows to a CSV file in a fresh temporary directory, 10,000 at a time.
const fileOf = (rows: number): { readonly path: string; readonly remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), "protest-chronicle-acled-bench-"))
  const path = join(dir, "acled.csv")
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    const cells: Array<ReadonlyArray<string>> = start === 0 ? [Acled.columns] : []
    for (let i = start; i < Math.min(rows, start + ROWS_PER_CHUNK); i++) cells.push(syntheticRow(i))
    appendFileSync(path, stringify(cells as Array<Array<string>>))
  }
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Import from a file, as the command line does: the file read by a Node stream (64 KiB reads),
 * each read pushed into the streaming importer as bytes, its appends counted. Baseline: csv-parse's
 * own streaming parser reading the same file. References: the same importer fed the file in
 * 10,000-row strings already in memory, csv-parse's sync parser on those strings (the figures of
 * earlier runs), and reading the file alone.
 */
export const acledImportBenchmark = (rows = 1_000_000): Benchmark => {
  const name = `ACLED import: ${rows.toLocaleString("en")} rows from a file (streaming) vs csv-parse alone`
  const timing = { items: rows, unit: "ns/row", target: 2, better: "lower", repeat: 3, warmup: 1 } as const
  return {
    name,
    unit: timing.unit,
    target: timing.target,
    better: timing.better,
    run: async () => {
      const file = fileOf(rows)
      try {
        const importFile = async () => {
          const importer = Acled.makeImporter()
          let appends = 0
          for await (const chunk of createReadStream(file.path)) {
            const r = importer.push(chunk as Uint8Array)
            if (Result.isFailure(r)) throw new Error(r.failure.message)
            appends += r.success.appends.length
          }
          const r = importer.end()
          if (Result.isFailure(r)) throw new Error(r.failure.message)
          return appends + r.success.appends.length
        }
        const parseFile = () =>
          new Promise<number>((resolve, reject) => {
            let records = 0
            const parser = parseStreaming({ relax_column_count: true, skip_empty_lines: true, bom: true })
            parser.on("data", () => records++)
            parser.on("error", reject)
            parser.on("end", () => resolve(records))
            createReadStream(file.path).on("error", reject).pipe(parser)
          })
        const readFile = async () => {
          let bytes = 0
          for await (const chunk of createReadStream(file.path)) bytes += (chunk as Uint8Array).length
          return bytes
        }
        // The in-memory chunks are made only for the references, from at most 200,000 rows.
        const chunks = chunksOf(Math.min(rows, 200_000))
        const scale = rows / Math.min(rows, 200_000)
        const importChunks = () => {
          const importer = Acled.makeImporter()
          let appends = 0
          for (const chunk of chunks) {
            const r = importer.push(chunk)
            if (Result.isFailure(r)) throw new Error(r.failure.message)
            appends += r.success.appends.length
          }
          const r = importer.end()
          if (Result.isFailure(r)) throw new Error(r.failure.message)
          return appends + r.success.appends.length
        }
        const parseChunks = () => {
          let records = 0
          for (const chunk of chunks) records += parse(chunk, { relax_column_count: true, skip_empty_lines: true, bom: true }).length
          return records
        }
        const measured = await compare(name, importFile, parseFile, {
          ...timing,
          references: [
            { label: "reading the file alone (Node stream, 64 KiB reads)", run: readFile },
            { label: `the importer on ${ROWS_PER_CHUNK.toLocaleString("en")}-row strings in memory${scale === 1 ? "" : " (200,000 rows, per row)"}`, run: importChunks },
            { label: `csv-parse sync on those strings${scale === 1 ? "" : " (200,000 rows, per row)"}`, run: parseChunks }
          ]
        }).run()
        // The in-memory references ran on fewer rows: scale them to the per-row unit.
        return { ...measured, references: (measured.references ?? []).map((r, i) => (i === 0 ? r : { ...r, value: r.value * scale })) }
      } finally {
        file.remove()
      }
    }
  }
}

export const acledExportBenchmark = (count = 1_000_000): Benchmark => {
  const name = `ACLED export: ${count.toLocaleString("en")} events vs csv-stringify alone`
  const timing = { items: count, unit: "ns/event", target: 2, better: "lower", repeat: 3, warmup: 1 } as const
  return {
    name,
    unit: timing.unit,
    target: timing.target,
    better: timing.better,
    run: () => {
      // The records of the first imported chunks, repeated with distinct ids up to `count` events.
      const imported = Acled.importCsv(chunksOf(Math.min(count, 20_000)).join(""))
      if (Result.isFailure(imported)) throw new Error(imported.failure.message)
      const records = imported.success.appends.flatMap((a) => (a._tag === "revision" ? [a.record] : [])) as ReadonlyArray<AnyRecord>
      const base = records.filter((r) => r.type === "event") as ReadonlyArray<Event.AnyEvent>
      const events: Array<Event.AnyEvent> = new Array(count)
      for (let i = 0; i < count; i++) {
        const e = base[i % base.length]!
        events[i] = i < base.length ? e : { ...e, id: `${e.id}-${i}` as Event.AnyEvent["id"] }
      }
      const byKey = new Map(records.map((r) => [`${r.type}/${r.id}`, r]))
      const options: Acled.ExportOptions = { records: (s) => byKey.get(`${s.type}/${s.id}`) }
      const sample = Acled.exportRows(base.slice(0, 1000), options).rows
      const rows: Array<Array<string>> = new Array(count)
      for (let i = 0; i < count; i++) rows[i] = Acled.columns.map((c) => sample[i % sample.length]![c])
      const exportAll = () => {
        let length = 0
        for (const chunk of Acled.exportChunks(events, { ...options, batchSize: ROWS_PER_CHUNK })) length += chunk.length
        return length
      }
      const stringifyAll = () => {
        let length = 0
        for (let start = 0; start < count; start += ROWS_PER_CHUNK) length += stringify(rows.slice(start, start + ROWS_PER_CHUNK), { record_delimiter: "windows" }).length
        return length
      }
      return compare(name, exportAll, stringifyAll, timing).run()
    }
  }
}
