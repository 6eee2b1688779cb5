/**
 * The timeline page's script: the unpacking of its data (`wire.ts`) and its three parts
 * (`scriptState.ts`, `scriptView.ts`, `scriptPanel.ts`) in one function scope, in strict mode, so that nothing leaks into the page's
 * globals. See `scriptState.ts` for why the script is kept as a string.
 *
 * @internal
 */
import { scriptPanel } from "./scriptPanel.js"
import { scriptState } from "./scriptState.js"
import { scriptView } from "./scriptView.js"
import { scriptWire } from "./wire.js"

export const pageScript = `(() => {\n"use strict";\n${scriptWire}${scriptState}${scriptView}${scriptPanel}})();\n`
