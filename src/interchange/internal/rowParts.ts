/**
 * The small pieces the ACLED row reader is built from: bounded caches of the records many rows
 * share, and the text helpers its cells need.
 */
import type { Place } from "../../model/Place.js"

// Records shared by many rows are built once and kept (the first row that names them decides
// their content); bounded, so that a file of distinct names does not grow memory without end.
export class Cache<V> {
  private readonly map = new Map<string, V>()
  get(key: string): V | undefined {
    return this.map.get(key)
  }
  set(key: string, value: V): V {
    if (this.map.size >= 100_000) this.map.clear()
    this.map.set(key, value)
    return value
  }
}

// The place chains, by country, admin1, admin2, admin3 and location in nested maps: looking up
// the cells one by one hashes each once, where one joined key would be built and hashed anew for
// every row (a tenth of the row's time).
export class ChainCache {
  private root = new Map<string, unknown>()
  private size = 0
  get(names: ReadonlyArray<string>): ReadonlyArray<Place> | undefined {
    let level: Map<string, unknown> | undefined = this.root
    for (let i = 0; i < names.length && level !== undefined; i++) level = level.get(names[i]!) as Map<string, unknown> | undefined
    return level as ReadonlyArray<Place> | undefined
  }
  set(names: ReadonlyArray<string>, chain: ReadonlyArray<Place>): ReadonlyArray<Place> {
    if (this.size >= 100_000) {
      this.root = new Map()
      this.size = 0
    }
    let level = this.root
    for (let i = 0; i < names.length - 1; i++) {
      let next = level.get(names[i]!) as Map<string, unknown> | undefined
      if (next === undefined) level.set(names[i]!, (next = new Map()))
      level = next
    }
    level.set(names[names.length - 1]!, chain)
    this.size++
    return chain
  }
}

export const splitList = (cell: string): Array<string> => {
  if (cell.indexOf(";") < 0) {
    const one = cell.trim()
    return one === "" ? [] : [one]
  }
  const out: Array<string> = []
  for (const part of cell.split(";")) {
    const item = part.trim()
    if (item !== "") out.push(item)
  }
  return out
}

// Adds days to an ISO day, in the proleptic Gregorian calendar.
const plusDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

// The week around a day, as an EDTF interval (time_precision 2); days repeat across a file.
const weeks = new Map<string, string>()
export const weekAround = (day: string): string => {
  let week = weeks.get(day)
  if (week === undefined) {
    if (weeks.size >= 10_000) weeks.clear()
    week = `${plusDays(day, -3)}/${plusDays(day, 3)}`
    weeks.set(day, week)
  }
  return week
}

// A cell on one line: trimmed, every run of white space one space (most cells need nothing).
export const oneLine = (cell: string): string => {
  const s = cell.trim()
  return /\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(s) ? s.replace(/\s+/g, " ") : s
}
