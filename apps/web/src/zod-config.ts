// Runs first, before any schema exists: zod decides at schema creation whether to compile fast
// parsers with `new Function`, and the app's strict CSP reports that probe as a violation.
// zod keeps its global config on globalThis (shared by every copy of zod), so this needs no
// import of zod, which keeps zod out of this tiny module's chunk and its place first in line.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
