// C names. Every name in the generated C comes from a declaration id or a counter, never
// from the user's spelling.

/** A global variable or constant. */
export const globalName = (id: number) => `g${id}`;
/** Whether a global that may be read before its declaration ran has been set. */
export const globalSetFlag = (id: number) => `g${id}_set`;
/** A local variable, constant, loop variable or owned copy of a parameter. */
export const localName = (id: number) => `v${id}`;
/** A parameter as received (borrowed from the caller). */
export const paramName = (id: number) => `p${id}`;
/** A user function, its uniform wrapper and its function object. */
export const functionName = (id: number) => `f${id}`;
export const wrapperName = (id: number) => `f${id}_w`;
export const functionObject = (id: number) => `f${id}_obj`;
/** The static slot that caches a text literal, and its bytes. */
export const literalSlot = (n: number) => `lit${n}`;
