/**
 * How the page's data travels inside the page: packed, and unpacked by the page's script into the
 * `PageData` shapes the rest of the script reads (absent optional fields as `undefined`). A page of 10,000 events carries its data once,
 * and its size is most of what a browser spends opening it, so the packed form
 *
 * - writes every string used more than once in a table of shared strings (`s`) and refers to it
 *   by its index (index 0 is the empty string, which stands for an absent optional text); a
 *   string used once (most titles, summaries and quotes) is written where it is used;
 * - writes records as tuples in a fixed order instead of objects with keys;
 * - writes an empty list as `0` and drops the zeros at the end of a tuple (so a number read back
 *   is `x || 0`);
 * - writes each policy's summary and kept claims in the order of `policies`.
 *
 * `pack` (here) and `scriptWire` (its inverse, as the script's text) change together; a test
 * unpacks what `pack` writes with the script's own code and compares it with the data.
 *
 * @internal
 */
import type { PageClaim, PageCitation, PageCount, PageData, PageDispute, PageEvent, PageLink, Version } from "./data.js"
import { policies } from "./data.js"

type Packed = number | string | null | boolean | ReadonlyArray<Packed> | { readonly [k: string]: Packed }

/** A string while the data is packed: its uses are counted before it is written. */
class Ref {
  uses = 0
  index = 0
  constructor(readonly text: string) {}
}

/** A tuple without its trailing zeros (absent texts, empty lists). */
const tuple = (xs: Array<Packed>): Array<Packed> => {
  let n = xs.length
  while (n > 0 && xs[n - 1] === 0) n--
  return xs.slice(0, n)
}

/** The page's data, packed for the page. */
export const pack = (data: PageData): { readonly [k: string]: Packed } => {
  // Strings are first written as one shared `Ref` each, counting their uses; `settle` then writes
  // each as itself (used once) or as its index in the shared strings (used more than once).
  const refs = new Map<string, Ref>()
  const s = (text: string | undefined): Packed => {
    if (text === undefined || text === "") return 0
    let ref = refs.get(text)
    if (ref === undefined) refs.set(text, ref = new Ref(text))
    ref.uses++
    return ref as unknown as Packed
  }
  const list = <A>(xs: ReadonlyArray<A>, f: (x: A) => Packed): Packed => (xs.length === 0 ? 0 : xs.map(f))
  const cite = (c: PageCitation): Packed => tuple([s(c.s), s(c.q), s(c.tr), s(c.loc)])
  const claim = (c: PageClaim): Packed => tuple([s(c.v), c.lo, c.hi, s(c.by), s(c.on), s(c.note), list(c.src, s), c.off ? 1 : 0])
  const count = (k: PageCount): Packed =>
    [s(k.f), s(k.label), list(k.claims, claim), policies.map((p) => (k.sum[p] === null || k.sum[p] === undefined ? -1 : s(k.sum[p]!))), policies.map((p) => list(k.kept[p] ?? [], (i) => i))]
  const dispute = (d: PageDispute): Packed => [s(d.topic), d.claims.map((c) => tuple([s(c.v), s(c.by), s(c.on), list(c.src, s)]))]
  const event = (e: PageEvent): Packed =>
    tuple([
      s(e.title), s(e.kind), s(e.when), s(e.words), s(e.place), list(e.also, s), s(e.site), s(e.summary), s(e.note),
      list(e.tags, s), list(e.demands, s), list(e.who.flat(), s), list(e.counts, count), list(e.disputes, dispute), list(e.cites, cite),
      [...e.b], e.core === undefined ? 0 : [...e.core], (e.unc ? 1 : 0) | (e.approx ? 2 : 0)
    ])
  const link = (l: PageLink): Packed =>
    tuple([s(l.rel), s(l.from), s(l.to), s(l.why), l.inf === undefined ? 0 : [s(l.inf.rule), l.inf.score, s(l.inf.reason)], list(l.cites, cite)])
  const stream = <A>(x: (a: A) => Packed) => (st: { readonly id: string; readonly v: ReadonlyArray<Version<A>> }): Packed =>
    [s(st.id), st.v.map((v) => tuple([v.t, v.r, s(v.a), s(v.why), v.x === undefined ? 0 : x(v.x)]))]
  const events = data.events.map(stream(event))
  const links = data.links.map(stream(link))
  const places = Object.entries(data.places).map(([id, p]) => tuple([s(id), s(p.n), s(p.k), s(p.w)]))
  const actors = Object.entries(data.actors).map(([id, a]) => tuple([s(id), s(a.n), s(a.k)]))
  const sources = Object.entries(data.sources).map(([id, o]) => tuple([s(id), s(o.o), s(o.k), s(o.t), s(o.u), s(o.p), s(o.a)]))
  const strings: Array<string> = [""]
  const settle = (x: Packed): Packed => {
    if (x instanceof Ref) {
      if (x.uses < 2) return x.text
      if (x.index === 0) x.index = strings.push(x.text) - 1
      return x.index
    }
    if (Array.isArray(x)) {
      const xs = x as Array<Packed>
      for (let i = 0; i < xs.length; i++) xs[i] = settle(xs[i]!)
    }
    return x
  }
  for (const tree of [events, links, places, actors, sources]) settle(tree)
  return {
    title: data.title, description: data.description, groupBy: data.groupBy, policy: data.policy, asOf: data.asOf, history: data.history,
    times: data.times === null ? null : [...data.times], s: strings, places, actors, sources, events, links
  }
}

/**
 * The script's `unpack(W)`, as text: the packed data back into `PageData`, with optional texts
 * absent where they were empty. Plain JavaScript with no template literal (see `scriptState.ts`).
 */
export const scriptWire = String.raw`
const unpack = (W) => {
  const S = W.s;
  // A string is written where it is, or as its index in the shared strings; 0 is "" (absent).
  const str = (i) => (typeof i === "string" ? i : S[i || 0]);
  const opt = (i) => (i ? str(i) : undefined);
  const L = (x, f) => (x ? x.map(f) : []);
  // Every object of a kind is made with the same keys in the same order (absent ones undefined),
  // so that the script's reads of them stay monomorphic.
  const cite = (c) => ({ s: str(c[0]), q: opt(c[1]), tr: opt(c[2]), loc: opt(c[3]) });
  const claim = (c) => ({ v: str(c[0]), lo: c[1] || 0, hi: c[2] === undefined ? 0 : c[2], by: opt(c[3]), on: opt(c[4]), note: opt(c[5]), src: L(c[6], str), off: c[7] === 1 });
  const POLICY_ORDER = ["envelope", "all", "official", "lowest", "highest"];
  const count = (k) => {
    const sum = {}, kept = {};
    POLICY_ORDER.forEach((p, i) => { sum[p] = k[3][i] < 0 ? null : str(k[3][i]); kept[p] = L(k[4][i], (x) => x); });
    return { f: str(k[0]), label: str(k[1]), claims: L(k[2], claim), sum: sum, kept: kept };
  };
  const dispute = (d) => ({ topic: str(d[0]), claims: d[1].map((c) => ({ v: str(c[0]), by: opt(c[1]), on: opt(c[2]), src: L(c[3], str) })) });
  const pairs = (x) => { const out = []; if (x) for (let i = 0; i + 1 < x.length; i += 2) out.push([str(x[i]), str(x[i + 1])]); return out; };
  const event = (e) => ({
    title: str(e[0]), kind: str(e[1]), when: str(e[2]), words: str(e[3]), place: str(e[4]), also: L(e[5], str),
    site: opt(e[6]), summary: opt(e[7]), note: opt(e[8]), tags: L(e[9], str), demands: L(e[10], str), who: pairs(e[11]),
    counts: L(e[12], count), disputes: L(e[13], dispute), cites: L(e[14], cite), b: e[15], core: e[16] || undefined,
    unc: ((e[17] || 0) & 1) !== 0, approx: ((e[17] || 0) & 2) !== 0, _g: undefined, _h: undefined
  });
  const link = (l) => ({ rel: str(l[0]), from: str(l[1]), to: str(l[2]), why: opt(l[3]), inf: l[4] ? { rule: str(l[4][0]), score: l[4][1], reason: str(l[4][2]) } : undefined, cites: L(l[5], cite) });
  const stream = (x) => (st) => ({ id: str(st[0]), v: st[1].map((v) => ({ t: v[0] || 0, r: v[1] || 0, a: opt(v[2]), why: opt(v[3]), x: v[4] ? x(v[4]) : undefined })) });
  // Record ids become keys as own properties, whatever they are ("__proto__" included), as JSON.parse makes them.
  const keyed = (xs, f) => { const o = {}; for (const x of xs) Object.defineProperty(o, str(x[0]), { value: f(x), enumerable: true, writable: true, configurable: true }); return o; };
  return {
    title: W.title, description: W.description, groupBy: W.groupBy, policy: W.policy, asOf: W.asOf, history: W.history, times: W.times,
    places: keyed(W.places, (p) => ({ n: str(p[1]), k: str(p[2]), w: opt(p[3]) })),
    actors: keyed(W.actors, (a) => ({ n: str(a[1]), k: str(a[2]) })),
    sources: keyed(W.sources, (o) => ({ o: str(o[1]), k: str(o[2]), t: opt(o[3]), u: opt(o[4]), p: opt(o[5]), a: opt(o[6]) })),
    events: W.events.map(stream(event)), links: W.links.map(stream(link))
  };
};
`
