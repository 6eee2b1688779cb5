import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import type { Actor } from "../../src/model/Actor.js"
import type { Place } from "../../src/model/Place.js"
import { Id, Record } from "../../src/index.js"
import * as Hierarchy from "../../src/projection/Hierarchy.js"
import * as zhanaozen from "../fixtures/zhanaozen/index.js"

const places = zhanaozen.places.map((p) => Record.decodeUnsafe(p) as Place)
const actors = zhanaozen.actors.map((a) => Record.decodeUnsafe(a) as Actor)
const h = Hierarchy.make(places, actors)
const place = Id.PlaceId.make
const actor = Id.ActorId.make

describe("Hierarchy", () => {
  it("includes the places within a region and the members of a company", () => {
    const mangystau = h.placesWithin(place("mangystau-region"))
    expect(mangystau.has(place("zhanaozen"))).toBe(true)
    expect(mangystau.has(place("aktau"))).toBe(true)
    expect(mangystau.has(place("mangystau-region"))).toBe(true)
    expect(mangystau.has(place("astana"))).toBe(false)
    expect(h.isWithin(place("zhanaozen-central-square"), place("kazakhstan"))).toBe(true)
    expect(h.isWithin(place("kazakhstan"), place("zhanaozen"))).toBe(false)
    expect(h.placesAround(place("zhanaozen"))).toEqual(["mangystau-region", "kazakhstan"])
    const kmg = h.membersOf(actor("kazmunaygas"))
    expect(kmg.has(actor("ozenmunaigas"))).toBe(true)
    expect(kmg.has(actor("kmg-ep"))).toBe(true)
    expect(h.isMemberOf(actor("ozenmunaigas"), actor("samruk-kazyna"))).toBe(true)
    expect(h.parentsOf(actor("ozenmunaigas"))[0]).toBe("kazmunaygas")
    expect(h.placesWithin(place("unknown-place"))).toEqual(new Set(["unknown-place"]))
  })

  it("follows memberOf only when asked", () => {
    const withMember = actors.find((a) => a.memberOf !== undefined && a.memberOf.length > 0)!
    const group = withMember.memberOf![0]!
    expect(h.membersOf(group, { viaMembership: true }).has(withMember.id)).toBe(true)
    expect(h.isMemberOf(withMember.id, group, { viaMembership: true })).toBe(true)
  })

  const arbForest = fc.array(fc.tuple(fc.nat(9), fc.option(fc.nat(12), { nil: undefined })), { maxLength: 15 })

  test.prop([arbForest])("is finite and consistent on any graph, cycles and missing parents included", (rows) => {
    const ps = rows.map(([id, within]) => ({ id: `p${id}`, ...(within === undefined ? {} : { within: `p${within}` }) }))
    const hier = Hierarchy.make(ps as never)
    const parent = new Map<string, string>()
    for (const p of ps) {
      if (p.within !== undefined && p.within !== p.id) parent.set(p.id, p.within)
      else parent.delete(p.id)
    }
    for (let a = 0; a < 13; a++) {
      for (let b = 0; b < 13; b++) {
        const x = place(`p${a}`)
        const y = place(`p${b}`)
        // y contains x when following parents from x reaches y
        let reach = x === y
        const seen = new Set<string>()
        for (let p = parent.get(x); p !== undefined && !seen.has(p); p = parent.get(p)) {
          seen.add(p)
          if (p === y) reach = true
        }
        expect(hier.isWithin(x, y)).toBe(reach)
        expect(hier.placesWithin(y).has(x)).toBe(reach)
      }
    }
  })
})
