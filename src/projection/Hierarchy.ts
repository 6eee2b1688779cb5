/**
 * Place containment and actor membership, read from place and actor records: Zhanaozen lies
 * within Mangystau, which lies within Kazakhstan; Ozenmunaigas is part of KazMunayGas. Queries
 * by place include the places within it, and queries by actor include its members.
 *
 * The records need not be complete or consistent: a `within` or `parent` that names an unknown
 * record simply ends the chain there, and a cycle (A within B within A) is walked once, so every
 * answer is finite. Answers are memoised inside the hierarchy object, which is otherwise
 * immutable. Nothing here throws: values that are not records with a string `id` are passed
 * over, as are `within`, `parent` and `memberOf` values that are not ids, and a list that is not
 * a list counts as empty.
 *
 * @example
 * ```ts
 * import { Chronicle, Projection } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 *
 * const chronicle = await Chronicle.open() // in memory
 * for (const record of zhanaozen.all) await chronicle.record(record)
 * const { Hierarchy } = Projection
 *
 * const h = Hierarchy.fromCatalog(await chronicle.catalog())
 * h.isWithin("zhanaozen", "mangystau-region")
 * h.membersOf("kazmunaygas") // the company and its subsidiaries
 * await chronicle.close()
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import type { Actor } from "../model/Actor.js"
import type { Place } from "../model/Place.js"
import * as Catalog from "./Catalog.js"
import { isObject, listOf, strings } from "./internal/readable.js"

/**
 * Containment of places and membership of actors. Ids that no record names are answered as
 * isolated (a place within nothing, containing only itself).
 *
 * @category models
 * @since 0.1.0
 */
export interface Hierarchy {
  /** The place and every place within it, at any depth. */
  readonly placesWithin: (placeId: string) => ReadonlySet<string>
  /** Tells whether `placeId` is `ancestorId` or lies within it at any depth. */
  readonly isWithin: (placeId: string, ancestorId: string) => boolean
  /** The places that contain `placeId`, nearest first, without the place itself. */
  readonly placesAround: (placeId: string) => ReadonlyArray<string>
  /**
   * The actor and every actor below it by `parent`, at any depth. With `viaMembership`,
   * `memberOf` also counts: the members of a federation or of a group of defendants.
   */
  readonly membersOf: (actorId: string, options?: { readonly viaMembership?: boolean }) => ReadonlySet<string>
  /** Tells whether `actorId` is `ancestorId` or lies below it (by `parent`, and by `memberOf` when asked). */
  readonly isMemberOf: (actorId: string, ancestorId: string, options?: { readonly viaMembership?: boolean }) => boolean
  /** The actors above `actorId` by `parent`, nearest first, without the actor itself. */
  readonly parentsOf: (actorId: string) => ReadonlyArray<string>
}

type Children = ReadonlyMap<string, ReadonlyArray<string>>

const childrenOf = (edges: Iterable<readonly [string, string]>): Children => {
  const out = new Map<string, Array<string>>()
  for (const [child, parent] of edges) {
    const list = out.get(parent)
    if (list === undefined) out.set(parent, [child])
    else list.push(child)
  }
  for (const list of out.values()) list.sort()
  return out
}

/** Everything reachable from `root` through `children`, the root included; cycles are walked once. */
const descendants = (children: Children, root: string): ReadonlySet<string> => {
  const seen = new Set<string>([root])
  const stack = [root]
  while (stack.length > 0) {
    const next = children.get(stack.pop()!)
    if (next === undefined) continue
    for (const c of next) {
      if (seen.has(c)) continue
      seen.add(c)
      stack.push(c)
    }
  }
  return seen
}

const ancestors = (parent: ReadonlyMap<string, string>, id: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  const seen = new Set<string>([id])
  for (let p = parent.get(id); p !== undefined && !seen.has(p); p = parent.get(p)) {
    seen.add(p)
    out.push(p)
  }
  return out
}

const memo = <V>(compute: (key: string) => V): ((key: string) => V) => {
  const cache = new Map<string, V>()
  return (key) => {
    const known = cache.get(key)
    if (known !== undefined) return known
    const value = compute(key)
    cache.set(key, value)
    return value
  }
}

/**
 * Builds the hierarchy from place and actor records (any order; later records with the same id
 * replace earlier ones).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (
  places: Iterable<Pick<Place, "id" | "within">>,
  actors: Iterable<Pick<Actor, "id" | "parent" | "memberOf">> = []
): Hierarchy => {
  const placeParent = new Map<string, string>()
  for (const p of listOf(places) ?? []) {
    if (!isObject(p) || typeof p["id"] !== "string") continue
    const within = p["within"]
    if (typeof within === "string" && within !== p["id"]) placeParent.set(p["id"], within)
    else placeParent.delete(p["id"])
  }
  const actorParent = new Map<string, string>()
  const membership = new Map<string, ReadonlyArray<string>>()
  for (const a of listOf(actors) ?? []) {
    if (!isObject(a) || typeof a["id"] !== "string") continue
    const parent = a["parent"]
    if (typeof parent === "string" && parent !== a["id"]) actorParent.set(a["id"], parent)
    else actorParent.delete(a["id"])
    membership.set(a["id"], strings(a["memberOf"]))
  }
  const placeChildren = childrenOf(placeParent)
  const actorChildren = childrenOf(actorParent)
  const allActorEdges: Array<readonly [string, string]> = [...actorParent]
  for (const [id, groups] of membership) for (const g of groups) if (g !== id) allActorEdges.push([id, g])
  const actorChildrenAll = childrenOf(allActorEdges)

  const within = memo((id) => descendants(placeChildren, id))
  const around = memo((id) => Object.freeze(ancestors(placeParent, id)))
  const members = memo((id) => descendants(actorChildren, id))
  const membersAll = memo((id) => descendants(actorChildrenAll, id))
  const parents = memo((id) => Object.freeze(ancestors(actorParent, id)))

  const membersOf = (actorId: string, options?: { readonly viaMembership?: boolean }) =>
    options?.viaMembership === true ? membersAll(actorId) : members(actorId)
  return Object.freeze({
    placesWithin: within,
    isWithin: (placeId: string, ancestorId: string) => placeId === ancestorId || around(placeId).includes(ancestorId),
    placesAround: around,
    membersOf,
    isMemberOf: (actorId: string, ancestorId: string, options?: { readonly viaMembership?: boolean }) =>
      actorId === ancestorId ||
      (options?.viaMembership === true ? membersOf(ancestorId, options).has(actorId) : parents(actorId).includes(ancestorId)),
    parentsOf: parents
  })
}

/**
 * Builds the hierarchy from the current (not retracted) places and actors of a catalog.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromCatalog = (catalog: Catalog.Catalog): Hierarchy =>
  make(Catalog.records(catalog, { type: "place" }), Catalog.records(catalog, { type: "actor" }))
