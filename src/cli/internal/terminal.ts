/**
 * What the command line knows of its terminal: whether stdout may be coloured (a terminal, and
 * `NO_COLOR` unset or empty), how wide a line may be (100 columns, or the terminal's width when
 * it is narrower, or `COLUMNS`), and writing to stdout and stderr so that a closed pipe
 * (`protest-chronicle timeline | head`) ends the program quietly. Text from the journal is shown,
 * never obeyed: control characters and bidirectional overrides in a title or a name (an escape
 * sequence that clears the screen or sets the window title, a carriage return that overwrites
 * the line) are printed as visible escapes such as `\u001b` in human output. JSON output escapes
 * them by its own rules.
 */
import { Effect } from "effect"
import { displayWidth } from "effect/cli/CliOutput"

/** Whether a terminal understands ANSI escapes: not one that says it is dumb (`TERM=dumb`). */
export const escapesUnderstood = (): boolean => process.env["TERM"] !== "dumb"

/**
 * Whether stdout gets ANSI colours: a terminal that understands them, with `NO_COLOR` unset or
 * empty (and `FORCE_COLOR` not `0`, as other tools read it).
 */
export const colourOn = (): boolean => {
  const noColor = process.env["NO_COLOR"]
  return process.stdout.isTTY === true && (noColor === undefined || noColor === "") && escapesUnderstood() && process.env["FORCE_COLOR"] !== "0"
}

/** The narrowest line human output is laid out in, whatever `COLUMNS` or the terminal say. */
export const MIN_WIDTH = 20

/**
 * The width human output keeps within: 100, or less on a narrower terminal or `COLUMNS` (a whole
 * number; down to 20 columns). `COLUMNS` wins over the terminal's own width.
 */
export const lineWidth = (): number => {
  const env = process.env["COLUMNS"]?.trim()
  const fromEnv = env !== undefined && /^\d+$/.test(env) ? Number(env) : undefined
  const terminal = process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : undefined
  const width = fromEnv !== undefined && fromEnv > 0 ? fromEnv : terminal ?? 100
  return Math.max(MIN_WIDTH, Math.min(width, 100))
}

const paint = (code: string) => (text: string): string => (colourOn() ? `\x1b[${code}m${text}\x1b[0m` : text)

/** Colours, applied only when stdout is a terminal and `NO_COLOR` is unset. */
export const colour = { bold: paint("1"), dim: paint("2"), red: paint("31"), green: paint("32"), yellow: paint("33"), cyan: paint("36") }

// C0 controls but tab and newline, DEL, C1 controls (U+009B is a CSI in some terminals), and the
// bidirectional embeddings, overrides and isolates that reorder what a line shows.
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Text with its control characters and bidirectional overrides shown as escapes (`\u001b`, `\r`). */
export const visible = (text: string): string =>
  text.replace(unsafe, (c) => (c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`))

// The colour codes `colour` writes; printLines keeps these and shows every other escape.
const ours = /(\x1b\[(?:0|1|2|31|32|33|36)m)/

/** A line for a terminal: escapes shown, the colours of `colour` kept. */
const forTerminal = (line: string): string =>
  colourOn() ? line.split(ours).map((part, i) => (i % 2 === 1 ? part : visible(part))).join("") : visible(line)

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" })

const pictographic = /\p{Extended_Pictographic}/u

/**
 * The width of text in terminal columns (wide characters count two, ANSI codes none). A
 * pictograph that may be shown as an emoji (`↪`, `✔`) counts two as well: terminals differ on it,
 * and a line laid out for the wider reading fits in both.
 */
export const widthOf = (text: string): number => {
  const width = displayWidth(text)
  if (!/[\u2000-\uffff]/.test(text)) return width
  let extra = 0
  for (const { segment } of graphemes.segment(text)) if (pictographic.test(segment) && displayWidth(segment) === 1) extra++
  return width + extra
}

/** Cuts text to at most `width` columns, ending with "…" when something was cut. */
export const clip = (text: string, maxWidth: number): string => {
  const width = Math.max(1, Math.floor(maxWidth))
  const flat = visible(text.replace(/[\r\n\t]+/g, " "))
  if (widthOf(flat) <= width) return flat
  let out = ""
  let used = 0
  for (const { segment: ch } of graphemes.segment(flat)) {
    const w = widthOf(ch)
    if (used + w > width - 1) break
    out += ch
    used += w
  }
  return `${out}…`
}

/** Pads text with spaces to `width` columns. */
export const pad = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - widthOf(text)))

/** Splits text into lines of at most `width` columns, at spaces where it can. */
export const wrap = (text: string, maxWidth: number): Array<string> => {
  // Each line holds at least one character, so that a very narrow width still makes progress.
  const width = Math.max(1, Math.floor(maxWidth))
  const words = visible(text.replace(/\s+/g, " ")).trim().split(" ")
  const lines: Array<string> = []
  let line = ""
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`
    if (widthOf(candidate) <= width) line = candidate
    else {
      if (line !== "") lines.push(line)
      line = word
      // A word longer than the line is broken, after a hyphen where there is one: nothing is lost.
      while (widthOf(line) > width) {
        let cut = ""
        for (const { segment } of graphemes.segment(line)) {
          if (widthOf(cut + segment) > width) break
          cut += segment
        }
        // A character wider than the line (a wide one on a line of one column) goes alone.
        if (cut === "") cut = graphemes.segment(line)[Symbol.iterator]().next().value!.segment
        const hyphen = cut.lastIndexOf("-")
        if (hyphen > 0 && hyphen < cut.length - 1) cut = cut.slice(0, hyphen + 1)
        lines.push(cut)
        line = line.slice(cut.length)
      }
    }
  }
  if (line !== "") lines.push(line)
  return lines.length === 0 ? [""] : lines
}

/** A line wrapped within `width` after `indent` spaces, its continuations indented 2 more (a list item that runs on). */
export const hanging = (text: string, width: number, indent = 0): Array<string> => {
  const [first = "", ...rest] = wrap(text, width - indent)
  const more = rest.length === 0 ? [] : wrap(visible(text.replace(/\s+/g, " ")).trim().slice(first.length).trim(), width - indent - 2)
  return [`${" ".repeat(indent)}${first}`, ...more.map((l) => `${" ".repeat(indent + 2)}${l}`)]
}

let pipeClosed = false
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // A reader that went away (`| head`) is not an error of ours.
  if (error.code === "EPIPE") {
    pipeClosed = true
    process.exit(process.exitCode ?? 0)
  }
  throw error
})

const writeTo = (stream: NodeJS.WriteStream, text: string): Effect.Effect<void> =>
  Effect.callback<void>((resume) => {
    if (pipeClosed || text === "") return resume(Effect.void)
    // Waiting for each write keeps memory bounded when the reader is slower than the writer, and
    // nothing is left unwritten when the process exits.
    stream.write(text, () => resume(Effect.void))
  })

/** Writes text to stdout (add the newline yourself). */
export const stdout = (text: string): Effect.Effect<void> => writeTo(process.stdout, text)

/** Writes lines of human output to stdout, each ending with a newline, with escapes shown (`visible`). */
export const printLines = (lines: ReadonlyArray<string>): Effect.Effect<void> =>
  lines.length === 0 ? Effect.void : stdout(lines.map(forTerminal).join("\n") + "\n")

/** Writes text to stderr. */
export const stderr = (text: string): Effect.Effect<void> => writeTo(process.stderr, text)
