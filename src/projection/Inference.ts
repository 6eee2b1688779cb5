/**
 * Inference: rules that read a chronicle and propose links a person may accept, each with a score
 * in [0, 1] and a reason stated as fact ("detention at Zhanaozen 1 day after the strike at
 * Zhanaozen"). Proposals are never recorded by this module: a user accepts one by recording its
 * `link` (`chronicle.link(proposal.link)`), where it passes the same checks as any link.
 *
 * The rules are data (`name`, `description`, `relation`, `propose`), so an app can pick some, add
 * its own, or show their descriptions. Every built-in rule indexes events once (by place and time,
 * by place and day of the year, by actor) and looks only at a bounded neighbourhood of each event,
 * so a run costs about O(n log n) for n events.
 *
 * @example
 * ```ts
 * import { Chronicle, Projection } from "protest-chronicle"
 * import { zhanaozen } from "protest-chronicle/datasets"
 *
 * const chronicle = await Chronicle.open() // in memory
 * for (const record of zhanaozen.all) await chronicle.record(record)
 * const { Catalog, Inference, LinkGraph } = Projection
 *
 * const graph = await chronicle.project(LinkGraph.projection)
 * const catalog = await chronicle.catalog()
 * const proposals = Inference.propose(graph, {
 *   places: Catalog.records(catalog, { type: "place" }),
 *   actors: Catalog.records(catalog, { type: "actor" })
 * })
 * proposals[0]?.reason // why the rule proposes the link, in words
 * await chronicle.close()
 * ```
 *
 * @since 0.1.0
 *
 * @module
 */
import type { Actor } from "../model/Actor.js"
import type { AnyEvent } from "../model/Event.js"
import type { ActorId, EventId, LinkId, PlaceId } from "../model/Id.js"
import type { Link, Relation } from "../model/Link.js"
import type { Place } from "../model/Place.js"
import { makeGazetteer, trust } from "./internal/inferenceContext.js"
import { antecedentIsFrom, type Index, shortestSteps } from "./internal/linkIndex.js"
import { possibleInTime } from "./internal/linkRules.js"
import { indexOf } from "./internal/linkState.js"
import { isObject } from "./internal/readable.js"
import * as LinkGraph from "./LinkGraph.js"
import { anniversaryRule, echoRule, forceAfterProtestRule, statementRule } from "./internal/inferenceRules.js"

/**
 * A proposed link: the link (with `inferredBy` filled in), and its rule, score and reason.
 *
 * @since 0.1.0
 * @category models
 */
export interface Proposal {
  readonly link: Link
  readonly rule: string
  readonly score: number
  readonly reason: string
}

/**
 * What a rule proposes before it is checked: the relation's `from` and `to` events, a score and a
 * reason. The engine turns it into a `Proposal`, drops duplicates of existing links and links that
 * are impossible in time or would close a cycle.
 *
 * @since 0.1.0
 * @category models
 */
export interface Candidate {
  readonly from: AnyEvent
  readonly to: AnyEvent
  readonly score: number
  readonly reason: string
}

/**
 * What rules read: the current events in timeline order, and a gazetteer built from the places and
 * actors given to `propose` — `placeName` and `actorName` (the id when no record names it) and
 * `around`, the places containing a place, nearest first (from `Hierarchy`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  readonly events: ReadonlyArray<AnyEvent>
  readonly hierarchy: Gazetteer
}

/**
 * Names and containment, as the rules read them: what `Context.hierarchy` holds.
 *
 * @since 0.1.0
 * @category models
 */
export interface Gazetteer {
  /** A place's name, or its id when no record names it. */
  readonly placeName: (id: PlaceId) => string
  /** An actor's name, or its id when no record names it. */
  readonly actorName: (id: ActorId) => string
  /** The places that contain this one, nearest first (not the place itself). */
  readonly around: (id: PlaceId) => ReadonlyArray<PlaceId>
}

/**
 * A rule: its name (written into `inferredBy.rule`), a description in words, the relation it
 * proposes, and `propose`, which returns candidates (in any order; the engine sorts them).
 *
 * @since 0.1.0
 * @category models
 */
export interface Rule {
  readonly name: string
  readonly description: string
  readonly relation: Relation
  /** The rule itself: the candidate links it finds among the context's events. */
  readonly propose: (context: Context) => Iterable<Candidate>
}

/**
 * Force after a protest (`responds-to`): a detention or dispersal at the same place that can begin
 * within two days after a rally, strike or hunger strike begins or ends. Score 0.8 on the same
 * day, 0.7 and 0.6 one and two days on; 0.1 less when the places only contain one another.
 *
 * @since 0.1.0
 * @category rules
 */
export const forceAfterProtest: Rule = forceAfterProtestRule

/**
 * A statement after an event (`responds-to`): an official statement about the same place (its
 * place, or a place it also names) that can begin within three days after another event begins or
 * ends. Score 0.7 on the same day, 0.1 less for each day on and when the places only contain one
 * another.
 *
 * @since 0.1.0
 * @category rules
 */
export const statementAfterEvent: Rule = statementRule

/**
 * Anniversaries (`commemorates`): an event at the same place on the anniversary of an earlier
 * event (same month and day, in the local calendar, a whole number of years later; see
 * `Anniversary`). Score 0.6 when the anniversary is certain, 0.4 when it is only possible.
 *
 * Gotchas: events are matched on the month and day their `when` is written with, so both must be
 * written to the day (an approximate `2011-12-16~` is matched on 16 December only); each later
 * event is compared with the two earliest events of its place and day, which is what a
 * commemoration marks.
 *
 * @since 0.1.0
 * @category rules
 */
export const anniversary: Rule = anniversaryRule

/**
 * Shared actors years apart (`echoes`): an event that names an actor of an event at least a year
 * before it. Score 0.3 plus 0.5 times the share of actors the two have in common (Jaccard).
 *
 * Gotchas: for each actor only the two latest earlier events are considered, so that an actor
 * present in thousands of events (the police) costs no more than one in two; older echoes of a
 * busy actor are not proposed.
 *
 * @since 0.1.0
 * @category rules
 */
export const sharedActors: Rule = echoRule

/**
 * The built-in rules, in the order their proposals are listed when scores tie.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules: ReadonlyArray<Rule> = [forceAfterProtest, statementAfterEvent, anniversary, sharedActors]

/**
 * Options of `propose`: places and actors (for names and containment), the rules (default: all), and a minimum score.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProposeOptions {
  readonly places?: ReadonlyArray<Place>
  readonly actors?: ReadonlyArray<Actor>
  readonly rules?: ReadonlyArray<Rule>
  readonly minScore?: number
}

const RELATIONS: ReadonlySet<unknown> = new Set(["causes", "responds-to", "part-of", "continues", "commemorates", "echoes", "same-as", "contradicts"])

const isRule = (u: unknown): u is Rule =>
  isObject(u) && typeof u["name"] === "string" && RELATIONS.has(u["relation"]) && typeof u["propose"] === "function"

const isProposeOptions = (u: unknown): u is ProposeOptions =>
  u === undefined ||
  (isObject(u) &&
    (u["places"] === undefined || Array.isArray(u["places"])) &&
    (u["actors"] === undefined || Array.isArray(u["actors"])) &&
    (u["rules"] === undefined || (Array.isArray(u["rules"]) && u["rules"].every(isRule))) &&
    (u["minScore"] === undefined || (typeof u["minScore"] === "number" && !Number.isNaN(u["minScore"]))))

const isIterable = (u: unknown): u is Iterable<unknown> =>
  typeof u === "object" && u !== null && typeof (u as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"

/** A rule's candidate with its events replaced by the graph's current ones, or undefined. */
const currentCandidate = (u: unknown, index: Index): Candidate | undefined => {
  if (!isObject(u) || !isObject(u["from"]) || !isObject(u["to"])) return undefined
  const from = index.events.get(u["from"]["id"] as EventId)
  const to = index.events.get(u["to"]["id"] as EventId)
  const score = u["score"]
  if (from === undefined || to === undefined || typeof score !== "number" || Number.isNaN(score)) return undefined
  return { from, to, score, reason: u["reason"] as string }
}

const FNV_OFFSET = 0xcbf29ce4
const hash = (s: string): string => {
  let h = FNV_OFFSET
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(36)
}

/**
 * The id an inferred link gets: `<rule>:<from>~<to>`, or with hashed event ids when that would be
 * longer than an id may be. The same proposal always gets the same id. A part that is not a string
 * counts as empty.
 *
 * @since 0.1.0
 * @category getters
 */
export const proposalId = (ruleName: string, fromId: EventId, toId: EventId): LinkId => {
  const text = (u: unknown): string => (typeof u === "string" ? u : "")
  const rule = text(ruleName)
  const from = text(fromId)
  const to = text(toId)
  const plain = `${rule}:${from}~${to}`
  return (plain.length <= 200 ? plain : `${rule}:${hash(from)}${from.length}~${hash(to)}${to.length}`) as LinkId
}

const pairKey = (relation: Relation, a: string, b: string): string => relation === "same-as" || relation === "contradicts"
  ? `${relation}|${a < b ? a : b}|${a < b ? b : a}`
  : `${relation}|${a}|${b}`

/**
 * Topological ranks of the classes over directed links (Kahn's algorithm), or undefined when the
 * links hold a cycle. A new link from a lower to a higher rank can close no cycle; any other needs
 * a search.
 */
const topoRanks = (index: Index): ReadonlyMap<EventId, number> | undefined => {
  const indegree = new Map<EventId, number>()
  for (const steps of index.forward.values()) for (const s of steps) indegree.set(s.node, (indegree.get(s.node) ?? 0) + 1)
  const ready = [...index.members.keys()].filter((c) => (indegree.get(c) ?? 0) === 0)
  const rank = new Map<EventId, number>()
  while (ready.length > 0) {
    const c = ready.pop()!
    rank.set(c, rank.size)
    for (const s of index.forward.get(c) ?? []) {
      const left = indegree.get(s.node)! - 1
      indegree.set(s.node, left)
      if (left === 0) ready.push(s.node)
    }
  }
  return rank.size === index.members.size ? rank : undefined
}

/**
 * Runs the rules over the graph's current events and returns their proposals, best score first
 * (then by rule, `from` and `to` for a deterministic order). A proposal is dropped when a link of
 * the same relation already joins the two events (same-as classes counting as one), when it is
 * impossible in time, or when it would close a cycle with the links already recorded. Two
 * proposals may still conflict with each other: recording one can make another refused.
 *
 * Gotchas: options of the wrong shape (not an object; `places`, `actors` or `rules` not lists; a
 * rule without a name, a relation, or a `propose` function; `minScore` not a number) give no
 * proposals, and so does a value that is not a graph. A candidate a rule returns that names an
 * event that is not current, or has no numeric score, is dropped. An exception thrown by your own
 * rule reaches you unchanged.
 *
 * @since 0.1.0
 * @category queries
 */
export const propose = (graph: LinkGraph.LinkGraph, options: ProposeOptions = {}): ReadonlyArray<Proposal> => {
  if (!isProposeOptions(options)) return []
  const index = indexOf(graph)
  const events = index.ordered
  const existing = index.live
  const classOf = (id: EventId) => index.canonical.get(id)!
  const taken = new Set<string>()
  for (const l of existing) taken.add(pairKey(l.relation, classOf(l.from), classOf(l.to)))
  const ranks = topoRanks(index)
  const context: Context = trust({ events, hierarchy: makeGazetteer(options.places ?? [], options.actors ?? []) })
  const minScore = options.minScore ?? 0
  const out: Array<Proposal> = []
  for (const rule of options.rules ?? rules) {
    const found = rule.propose(context)
    if (!isIterable(found)) continue
    for (const candidate of found) {
      const c = currentCandidate(candidate, index)
      if (c === undefined || c.score < minScore || c.from.id === c.to.id) continue
      const a = classOf(c.from.id)
      const b = classOf(c.to.id)
      if (a === b) continue
      const key = pairKey(rule.relation, a, b)
      if (taken.has(key) || !possibleInTime(rule.relation, c.from, c.to)) continue
      const [first, second] = antecedentIsFrom(rule.relation) ? [a, b] : [b, a]
      const safe = ranks !== undefined && ranks.get(first)! < ranks.get(second)!
      if (!safe && rule.relation !== "contradicts" && shortestSteps(index.forward, second, first) !== undefined) continue
      taken.add(key)
      const score = Math.round(Math.min(1, Math.max(0, c.score)) * 100) / 100
      const reason = typeof c.reason === "string" ? c.reason : ""
      const link: Link = {
        type: "link",
        id: proposalId(rule.name, c.from.id, c.to.id),
        relation: rule.relation,
        from: c.from.id,
        to: c.to.id,
        inferredBy: { rule: rule.name, score, reason }
      }
      out.push({ link, rule: rule.name, score, reason })
    }
  }
  const order = new Map((options.rules ?? rules).map((r, i) => [r.name, i]))
  return out.sort((x, y) =>
    y.score - x.score || order.get(x.rule)! - order.get(y.rule)! ||
    (x.link.from < y.link.from ? -1 : x.link.from > y.link.from ? 1 : x.link.to < y.link.to ? -1 : x.link.to > y.link.to ? 1 : 0))
}
