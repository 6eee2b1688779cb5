/**
 * Aligned columns that never overflow the line: each column is as wide as its widest cell, up to
 * its own limit, and the flexible column (a title, say) takes what is left and is cut with "…".
 */
import { clip, pad, widthOf, wrap } from "./terminal.js"

/** One column: its header, the most it may take, and whether it absorbs the remaining width. */
export interface Column {
  readonly header: string
  readonly max?: number
  readonly flex?: boolean
  readonly align?: "left" | "right"
  /** Wrap a cell that does not fit onto more lines, instead of cutting it. */
  readonly wrap?: boolean
}

const GAP = 2

/** The widths of the columns for these rows within `width` columns (the last flexible column gets the rest). */
export const widths = (columns: ReadonlyArray<Column>, rows: ReadonlyArray<ReadonlyArray<string>>, width: number, indent = 0): Array<number> => {
  const natural = columns.map((c, i) => {
    const widest = Math.max(widthOf(c.header), ...rows.map((r) => widthOf(r[i] ?? "")))
    return Math.min(widest, c.max ?? widest)
  })
  const flex = columns.findIndex((c) => c.flex === true)
  const fixed = natural.reduce((sum, w, i) => (i === flex ? sum : sum + w), 0) + GAP * (columns.length - 1) + indent
  if (flex >= 0) natural[flex] = Math.max(8, Math.min(natural[flex]!, width - fixed))
  // When even the fixed columns do not fit, shrink the widest until they do.
  let total = natural.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1) + indent
  while (total > width) {
    const widest = natural.indexOf(Math.max(...natural))
    if (natural[widest]! <= 1) break
    natural[widest]!--
    total--
  }
  return natural
}

// A cell's lines: cut to the width, or wrapped (after a "/" of an interval first, then at spaces).
const cellLines = (column: Column, text: string, width: number): Array<string> => {
  if (column.wrap !== true || widthOf(text) <= width) return [clip(text, width)]
  const parts = text.includes("/") && !text.includes(" ") ? text.split("/").map((p, i, all) => (i < all.length - 1 ? `${p}/` : p)) : [text]
  return parts.flatMap((p) => wrap(p, width))
}

/** One row laid out in the given widths, on as many lines as its wrapped cells need (trailing spaces trimmed). */
export const layoutLines = (columns: ReadonlyArray<Column>, cells: ReadonlyArray<string>, ws: ReadonlyArray<number>, indent = 0): Array<string> => {
  const split = columns.map((c, i) => cellLines(c, cells[i] ?? "", ws[i]!))
  const height = Math.max(...split.map((l) => l.length))
  const out: Array<string> = []
  for (let line = 0; line < height; line++) {
    const parts = columns.map((c, i) => {
      const text = split[i]![line] ?? ""
      return c.align === "right" ? " ".repeat(Math.max(0, ws[i]! - widthOf(text))) + text : pad(text, ws[i]!)
    })
    out.push((" ".repeat(indent) + parts.join(" ".repeat(GAP))).trimEnd())
  }
  return out
}

/** One row laid out in the given widths, on one line (cells cut to fit). */
export const layoutRow = (columns: ReadonlyArray<Column>, cells: ReadonlyArray<string>, ws: ReadonlyArray<number>, indent = 0): string =>
  layoutLines(columns.map((c) => ({ ...c, wrap: false })), cells, ws, indent)[0]!

/** A table: a header row and the rows, aligned within `width` columns. */
export const table = (columns: ReadonlyArray<Column>, rows: ReadonlyArray<ReadonlyArray<string>>, width: number, options: { readonly header?: boolean; readonly indent?: number } = {}): Array<string> => {
  const indent = options.indent ?? 0
  const ws = widths(columns, rows, width, indent)
  const out = options.header === false ? [] : [layoutRow(columns, columns.map((c) => c.header), ws, indent)]
  for (const row of rows) out.push(...layoutLines(columns, row, ws, indent))
  return out
}
