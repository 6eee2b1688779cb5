/**
 * Calendar groups with the `eventTimeZone` and `once` options: each event read in its own place's
 * zone, and each event in the one unit it starts in, open-ended ones marked as continuing.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Projection, Record } from "../../src/index.js"

const { Calendar, Timeline } = Projection

const event = (id: string, when: string, timeZone: string) =>
  Record.decodeUnsafe({
    type: "event",
    kind: "rally",
    form: "demonstration",
    id,
    title: id,
    when,
    where: { place: "somewhere", timeZone },
    citations: [{ source: "src" }]
  })

const timeline = Result.getOrThrow(Timeline.fromRecords([
  event("almaty-new-year", "2022-01-01T00:30:00", "Asia/Almaty"),
  event("aqtau-2021", "2021-06-01", "Asia/Aqtau"),
  event("open-ended", "2021-11-04/..", "Asia/Aqtau"),
  event("spanning", "2021-12-30/2022-01-02", "Asia/Aqtau"),
  event("aqtau-2023", "2023-04-11", "Asia/Aqtau")
]))

const ids = (events: ReadonlyArray<{ readonly id: string }> | undefined) => (events ?? []).map((e) => e.id)

describe("Calendar.group options", () => {
  it("without them, a zone is imposed on every event and an open-ended event fills every year after its start", () => {
    const years = Result.getOrThrow(Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau" }))
    const y2021 = years.find((g) => g.key === "2021")!
    expect(ids(y2021.certain)).toContain("almaty-new-year") // 00:30 in Almaty is still 2021 in Aqtau
    expect(years.filter((g) => ids(g.certain).includes("open-ended")).map((g) => g.key)).toEqual(["2021", "2022", "2023"])
  })

  it("eventTimeZone reads each event in its own zone", () => {
    const years = Result.getOrThrow(Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau", eventTimeZone: true }))
    expect(ids(years.find((g) => g.key === "2022")!.certain)).toContain("almaty-new-year")
    expect(ids(years.find((g) => g.key === "2021")!.certain)).not.toContain("almaty-new-year")
  })

  it("once puts each event in the unit it starts in and marks the ones that run on", () => {
    const years = Result.getOrThrow(Calendar.group(timeline, "year", {}, { timeZone: "Asia/Aqtau", eventTimeZone: true, once: true }))
    expect(years.map((g) => [g.key, ids([...g.certain, ...g.possible])])).toEqual([
      ["2021", ["aqtau-2021", "open-ended", "spanning"]],
      ["2022", ["almaty-new-year"]],
      ["2023", ["aqtau-2023"]]
    ])
    expect(ids(years[0]!.continuing)).toEqual(["open-ended", "spanning"])
    expect(ids(years[1]!.continuing)).toEqual([])
    const all = years.flatMap((g) => [...g.certain, ...g.possible])
    expect(all.length).toBe(Timeline.size(timeline))
  })

  it("rejects flags that are not booleans", () => {
    const bad = Calendar.group(timeline, "year", {}, { once: "yes" as never })
    expect(Result.isFailure(bad) && (bad.failure as { readonly field?: string }).field).toBe("once")
  })
})
