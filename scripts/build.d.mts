// Types of build.mjs for the TypeScript that imports it (the test setup and the bench).
export function isStale(): boolean;
export function build(): Promise<void>;
export function buildIfStale(): Promise<void>;
