/**
 * Help within the line width. effect/cli lays out each table of its help (flags, subcommands)
 * with the widest left cell setting the column, so one long flag (`--log-level <all|trace|…>`)
 * pushes every description past 100 columns, and long descriptions run on unwrapped. This
 * formatter takes effect/cli's help text and lays it out again: a table whose rows do not fit
 * gets a left column of at most 28 columns, with a longer left cell on a line of its own and its
 * description under it; descriptions and paragraphs are wrapped at spaces; an example command
 * that does not fit is continued with ` \` so that it can still be pasted into a shell. Nothing
 * is cut.
 */
import { CliOutput } from "effect/cli"
import { colourOn, lineWidth, widthOf, wrap } from "./terminal.js"

const LEFT_MAX = 28

// A row of a help table: an indent, a left cell (single spaces inside), a gap of two or more spaces, the description.
const row = /^( +)(\S(?:\S| (?! ))*)( {2,})(\S.*)$/
const plain = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, "")

/** A left cell too wide for the line, broken after its `|` (a list of choices) or at spaces. */
const cellLines = (cell: string, width: number): Array<string> => {
  if (widthOf(cell) <= width) return [cell]
  const lines: Array<string> = []
  let line = ""
  for (const part of cell.split(/(?<=[| ])/)) {
    if (line !== "" && widthOf(line + part) > width - 2) {
      lines.push(line.trimEnd())
      line = ""
    }
    line += part
  }
  if (line !== "") lines.push(line)
  return lines
}

/** Lays out one table (consecutive rows) within `width`. */
const table = (rows: ReadonlyArray<RegExpExecArray>, width: number): Array<string> => {
  const lines = rows.map((m) => m[0])
  if (lines.every((l) => widthOf(l) <= width)) return lines
  const indent = rows[0]![1]!.length
  // On a narrow line the left column takes at most half of it; longer cells go on lines of their own.
  const left = Math.max(1, Math.min(LEFT_MAX, Math.floor((width - indent) / 2) - 2, Math.max(...rows.map((m) => widthOf(m[2]!)))))
  const column = indent + left + 2
  const out: Array<string> = []
  for (const m of rows) {
    const cell = m[2]!
    const description = wrap(plain(m[4]!), width - column)
    if (widthOf(cell) > left) out.push(...cellLines(cell, width - indent).map((l, i) => `${" ".repeat(indent + (i === 0 ? 0 : 2))}${l}`), ...description.map((l) => " ".repeat(column) + l))
    else {
      out.push(`${" ".repeat(indent)}${cell}${" ".repeat(column - indent - widthOf(cell))}${description[0]}`)
      for (const l of description.slice(1)) out.push(" ".repeat(column) + l)
    }
  }
  return out
}

// An example's command line: `protest-chronicle …`, or a command piped into it.
const command = /^ +(?:\S[^|]* \| )?protest-chronicle /

/**
 * An example command too long for the line, continued with ` \\` on the next, indented 2 more, so
 * that it still runs when pasted into a shell. It is broken between shell words only, never
 * inside a quoted argument.
 */
const commandLines = (line: string, width: number): Array<string> => {
  const indent = /^ */.exec(line)![0]
  const words = line.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? []
  const lines: Array<string> = []
  let current = ""
  for (const word of words) {
    const room = width - indent.length - (lines.length === 0 ? 0 : 2) - 2
    if (current !== "" && widthOf(`${current} ${word}`) > room) {
      lines.push(current)
      current = word
    } else current = current === "" ? word : `${current} ${word}`
  }
  if (current !== "") lines.push(current)
  return lines.map((l, i) => `${indent}${i === 0 ? "" : "  "}${l}${i < lines.length - 1 ? " \\" : ""}`)
}

// A comment line of an example (`# What it does`).
const comment = /^( +)# /

/** effect/cli's help text laid out again within `width` columns. */
export const fitHelp = (text: string, width: number): string => {
  const out: Array<string> = []
  let rows: Array<RegExpExecArray> = []
  const flush = () => {
    if (rows.length > 0) out.push(...table(rows, width))
    rows = []
  }
  for (const line of text.split("\n")) {
    const m = row.exec(line)
    if (m !== null) {
      rows.push(m)
      continue
    }
    flush()
    if (widthOf(line) <= width) out.push(line)
    else if (command.test(plain(line))) out.push(...commandLines(plain(line), width))
    else if (comment.test(plain(line))) {
      const indent = comment.exec(plain(line))![1]!
      out.push(...wrap(plain(line).trim().slice(2), width - indent.length - 2).map((l) => `${indent}# ${l}`))
    }
    else {
      const indent = /^ */.exec(line)![0]
      out.push(...wrap(plain(line), width - indent.length).map((l) => indent + l))
    }
  }
  flush()
  // Whatever still does not fit (a choice longer than a very narrow line) is wrapped as text.
  return out.flatMap((line) => {
    if (widthOf(line) <= width) return [line]
    const indent = /^ */.exec(line)![0].slice(0, Math.floor(width / 2))
    return wrap(plain(line), width - indent.length).map((l) => indent + l)
  }).join("\n")
}

/** effect/cli's formatter, with its help laid out within the line width. */
export const helpFormatter = (): CliOutput.Formatter => {
  const base = CliOutput.defaultFormatter({ colors: colourOn() })
  return { ...base, formatHelpDoc: (doc) => fitHelp(base.formatHelpDoc(doc), lineWidth()) }
}
