/**
 * A progress bar on stderr for long imports and exports: drawn only when stderr is a terminal
 * that understands escapes (not `TERM=dumb`),
 * only once a few thousand records have gone by, at most ten times a second, and erased when the
 * work ends, so that stdout and a redirected stderr stay clean.
 */
import { escapesUnderstood } from "./terminal.js"

const THRESHOLD = 2_000

/** A progress bar over a known total of bytes (or records), counting records as it goes. */
export interface Progress {
  readonly update: (done: number, records: number) => void
  readonly finish: () => void
}

/** A progress bar labelled `label` (`importing`, `exporting`), over `total` units when known. */
export const progress = (label: string, total: number | undefined, stream: NodeJS.WriteStream = process.stderr): Progress => {
  // A dumb terminal would print the bar's escapes, and every redraw on a line of its own.
  const on = stream.isTTY === true && escapesUnderstood()
  let last = 0
  let drawn = false
  const draw = (done: number, records: number) => {
    // A pseudo-terminal may report no size (0 columns): take 80 then.
    const width = Math.min(100, stream.columns !== undefined && stream.columns >= 40 ? stream.columns : 80)
    const count = `${records.toLocaleString("en")} records`
    const barWidth = Math.max(10, width - label.length - count.length - 12)
    let line: string
    if (total !== undefined && total > 0) {
      const share = Math.min(1, done / total)
      const filled = Math.round(share * barWidth)
      line = `${label} [${"#".repeat(filled)}${".".repeat(barWidth - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${count}`
    } else line = `${label} … ${count}`
    stream.write(`\r${line.slice(0, width - 1)}\x1b[K`)
    drawn = true
  }
  return {
    update: (done, records) => {
      if (!on || records < THRESHOLD) return
      const now = Date.now()
      if (now - last < 100) return
      last = now
      draw(done, records)
    },
    finish: () => {
      if (drawn) stream.write("\r\x1b[K")
      drawn = false
    }
  }
}
