/** Whether build/cli/NAME.mjs was built from the sources as they are now. */
export function builtIsFresh(name: string): boolean;
/** Runs the tool NAME whose TypeScript entry is SOURCE (relative to the repository root). */
export function launch(name: string, source: string): Promise<void>;
