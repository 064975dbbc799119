/** The version in a `/b2api/v<N>/` path as the client sent it (v1 is answered as v2). */
export type PathVersion = 1 | 2 | 3 | 4;

/** The version a call is answered as: v1 answers as v2 does. */
export type ApiVersion = 2 | 3 | 4;
