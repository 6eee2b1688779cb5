/**
 * Scratch typed arrays for bulk builds, reused from one build to the next while the garbage
 * collector leaves them be. A bulk build of a million items needs about a hundred megabytes of
 * scratch; allocating it afresh each time counts as external memory and pulls full collections of
 * the whole heap forward. Each slot keeps its buffer through a `WeakRef`, so an idle process gives
 * the memory back at its next full collection.
 *
 * A slot's array is valid until the next request for the same slot, and is NOT zeroed: callers
 * write every element they read.
 *
 * @internal
 */

const slots = new Map<string, WeakRef<ArrayBuffer>>()

const buffer = (slot: string, bytes: number): ArrayBuffer => {
  let b = slots.get(slot)?.deref()
  if (b === undefined || b.byteLength < bytes) {
    b = new ArrayBuffer(Math.max(bytes, 64))
    slots.set(slot, new WeakRef(b))
  }
  return b
}

export const int32 = (slot: string, n: number): Int32Array => new Int32Array(buffer(slot, 4 * n), 0, n)
export const uint32 = (slot: string, n: number): Uint32Array => new Uint32Array(buffer(slot, 4 * n), 0, n)
export const uint8 = (slot: string, n: number): Uint8Array => new Uint8Array(buffer(slot, n), 0, n)
export const float64 = (slot: string, n: number): Float64Array => new Float64Array(buffer(slot, 8 * n), 0, n)
