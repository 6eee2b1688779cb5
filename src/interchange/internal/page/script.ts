/**
 * The timeline page's script: its three parts (`scriptState.ts`, `scriptView.ts`,
 * `scriptPanel.ts`) in one function scope, in strict mode, so that nothing leaks into the page's
 * globals. See `scriptState.ts` for why the script is kept as a string.
 *
 * @internal
 */
import { scriptPanel } from "./scriptPanel.js"
import { scriptState } from "./scriptState.js"
import { scriptView } from "./scriptView.js"

export const pageScript = `(() => {\n"use strict";\n${scriptState}${scriptView}${scriptPanel}})();\n`
