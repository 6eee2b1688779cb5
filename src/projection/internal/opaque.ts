/**
 * The prototype shared by the projections' opaque states (timeline, link graph, catalog): a type
 * id to recognise them by, structural equality and a hash defined by what the state holds (its
 * events, links, streams) rather than by the shape of its trees, `pipe`, and the `Inspectable`
 * methods (`toJSON`, `toString`, Node's `inspect`).
 *
 * States are made with `Object.create(proto)` and their fields assigned once, so a state's own
 * properties are its fields and nothing else: hashes are cached beside it, in a `WeakMap`.
 *
 * @internal
 */
import { Equal, Formatter, Hash, Inspectable, Pipeable } from "effect"

export interface OpaqueOptions<S> {
  /** The name `toJSON` reports (`_id`). */
  readonly name: string
  /** What makes two states equal: the same values, in the order `values` gives them. */
  readonly values: (self: S) => ReadonlyArray<unknown>
  /** What `toJSON` shows besides `_id`. */
  readonly show: (self: S) => { readonly [key: string]: unknown }
}

/** A prototype for states of one kind, recognised by `typeId`. */
export const makeProto = <S extends object>(typeId: string, options: OpaqueOptions<S>): object => {
  const hashes = new WeakMap<object, number>()
  const isSameKind = (u: unknown): u is S => typeof u === "object" && u !== null && typeId in u
  return {
    [typeId]: typeId,
    [Equal.symbol](this: S, that: unknown): boolean {
      if (this === that) return true
      if (!isSameKind(that)) return false
      const a = options.values(this)
      const b = options.values(that)
      if (a.length !== b.length) return false
      for (let i = 0; i < a.length; i++) if (!Equal.equals(a[i], b[i])) return false
      return true
    },
    [Hash.symbol](this: S): number {
      let h = hashes.get(this)
      if (h === undefined) {
        h = Hash.string(typeId)
        for (const v of options.values(this)) h = Hash.combine(h)(Hash.hash(v))
        h = Hash.optimize(h)
        hashes.set(this, h)
      }
      return h
    },
    pipe(this: S) {
      return Pipeable.pipeArguments(this, arguments)
    },
    toJSON(this: S) {
      return { _id: options.name, ...options.show(this) }
    },
    toString(this: S & { toJSON(): unknown }) {
      return Formatter.format(this.toJSON())
    },
    [Inspectable.NodeInspectSymbol](this: S & { toJSON(): unknown }) {
      return this.toJSON()
    }
  }
}

/** A state of a prototype made by {@link makeProto}, with these fields. */
export const make = <S extends object>(proto: object, fields: S): S => Object.assign(Object.create(proto) as S, fields)

/**
 * The `dual` predicate of a combinator on a state: a call is data-first when it has more arguments
 * than the data-last form takes, or when its first argument is a state.
 */
export const dataFirst = (isData: (u: unknown) => boolean, dataLastArity: number) => (args: IArguments): boolean =>
  args.length > dataLastArity || isData(args[0])

/** A first argument that is not text: the state, where the data-last form begins with an id or a granularity. */
export const notText = (u: unknown): boolean => typeof u !== "string"

/** A first argument that is not a number: the state, where the data-last form begins with a number. */
export const notNumber = (u: unknown): boolean => typeof u !== "number"
