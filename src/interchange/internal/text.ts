/**
 * Text as the export formats need it: reading a field that should be a string without trusting
 * it (casts happen), making it well-formed Unicode (a lone surrogate becomes U+FFFD, so that UTF-8
 * output is valid), and escaping it for HTML, for TimelineJS's plain-text fields, for Graphviz DOT
 * strings and for Mermaid labels.
 *
 * @internal
 */

/** The value when it is a string, else the empty string. */
export const textOf = (u: unknown): string => (typeof u === "string" ? u : "")

/** An object's own property, or undefined for anything that is not an object or whose read throws. */
export const field = (u: unknown, key: string): unknown => {
  if (typeof u !== "object" || u === null) return undefined
  try {
    return Object.hasOwn(u, key) ? (u as { readonly [k: string]: unknown })[key] : undefined
  } catch {
    return undefined
  }
}

/** A string field of an object, or the empty string. */
export const textField = (u: unknown, key: string): string => textOf(field(u, key))

/** An array field of an object, or the empty list. */
export const listField = (u: unknown, key: string): ReadonlyArray<unknown> => {
  const value = field(u, key)
  return Array.isArray(value) ? value : []
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu

/** The text with every lone surrogate replaced by U+FFFD (what a UTF-8 encoder would write). */
export const wellFormed = (s: string): string => s.replace(loneSurrogate, "\ufffd")

// C0 and C1 control characters other than tab and line ends, and U+2028/9, read as spaces.
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/gu

/** Well-formed text with control characters as spaces: what every format starts from. */
export const clean = (s: string): string => wellFormed(s).replace(controls, " ")

/** One line: tabs and line ends become spaces, runs of spaces collapse, the ends are trimmed. */
export const oneLine = (s: string): string => clean(s).replace(/[\t\r\n ]+/gu, " ").trim()

const htmlEntities: { readonly [c: string]: string } = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

/** HTML text (also safe inside a double- or single-quoted attribute). */
export const escapeHtml = (s: string): string => clean(s).replace(/[&<>"']/gu, (c) => htmlEntities[c]!)

/**
 * Text for the TimelineJS fields it reads as plain text (`group`, `display_date`): TimelineJS
 * parses them as HTML, keeps the text and later writes that text as HTML again, so an escaped
 * `&lt;b&gt;` would come back as a tag. Angle brackets become single angle quotation marks (‹ ›), which no HTML
 * parser reads as markup, and `&` is escaped so that the text survives the first parse as written.
 */
export const plainForTimelineJs = (s: string): string =>
  oneLine(s).replace(/&/gu, "&amp;").replace(/</gu, "\u2039").replace(/>/gu, "\u203a")

/**
 * The body of a DOT double-quoted string whose text is shown as written: backslashes doubled (DOT
 * reads `\n`, `\l`, `\N`, `\G` in labels as escapes), `&` as `&amp;` (Graphviz reads HTML
 * entities such as `&lt;` in labels), quotes escaped, line ends as `\n` breaks.
 */
export const dotString = (s: string): string =>
  clean(s)
    .replace(/\r\n?/gu, "\n")
    .replace(/&/gu, "&amp;")
    .replace(/\\/gu, "\\\\")
    .replace(/"/gu, '\\"')
    .replace(/\n/gu, "\\n")
    .replace(/\t/gu, " ")

/**
 * A Mermaid label body (between double quotes): every character that Mermaid's lexer or its
 * directive and entity handling could read (quotes, `#`, `%`, backticks, angle brackets, `&`,
 * `;`, braces, brackets, parentheses, pipes) is written as a Mermaid entity code `#NN;`, which the
 * renderer shows as the character. Line ends become `<br>`.
 */
export const mermaidLabel = (s: string): string =>
  clean(s)
    .replace(/\r\n?/gu, "\n")
    .split("\n")
    .map((line) => line.replace(/[\t]/gu, " ").replace(/["#%`<>&;{}[\]()|\\]/gu, (c) => `#${c.codePointAt(0)!};`))
    .join("<br>")
