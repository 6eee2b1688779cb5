// ── THE DECODE CHECK (types) ─────────────────────────────────────────────────────────────
// The type-level twin of record-check.cjs. scripts/package-test.sh compiles it (through
// tsconfig.record.json) once test/fixtures/package-record.json holds a real record instead of the
// `{}` placeholder. It pins down what a user can write against the record API.
import { Result } from "effect"
import { Record } from "protest-chronicle"

export function checkRecordDecode(recordJson: string): string {
  const decoded: Result.Result<unknown, { readonly message: string }> = Record.decode(JSON.parse(recordJson) as unknown)
  const fromLine: Result.Result<unknown, { readonly message: string }> = Record.decodeJson(recordJson)
  return Result.isSuccess(decoded) && Result.isSuccess(fromLine) ? "decoded" : "rejected"
}
