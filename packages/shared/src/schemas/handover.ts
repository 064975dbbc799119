// The handover link's contract: the server keeps only a ciphertext it cannot open (the key is in
// the link's #fragment), hands it out once, and tells the sender what became of each link.
import { z } from 'zod';

export const HANDOVER_TTL_HOURS = { min: 1, max: 168, default: 24 } as const;
/** Base64url characters; a bundle of a key and a few config files stays far below this. */
export const HANDOVER_CIPHERTEXT_MAX = 48_000;
/** 12 bytes of IV and 16 of tag, in base64url, is the least a real ciphertext can be. */
const CIPHERTEXT_MIN = 38;

/** A handover id: 16 random bytes in base64url. */
export const HANDOVER_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const handoverCreateRequestSchema = z.object({
  ciphertext: z
    .string({ error: 'Send the encrypted bundle as base64url text in “ciphertext”.' })
    .min(CIPHERTEXT_MIN, 'The encrypted bundle is too short to be one. Make the link again.')
    .max(
      HANDOVER_CIPHERTEXT_MAX,
      `The encrypted bundle is too large (at most ${HANDOVER_CIPHERTEXT_MAX} characters). Leave some files out.`,
    )
    .regex(
      /^[A-Za-z0-9_-]*$/,
      'The encrypted bundle must be base64url text (letters, digits, - and _).',
    ),
  ttlHours: z
    .number({ error: 'Say how long the link works, in hours (1 to 168).' })
    .int('Say how long the link works in whole hours (1 to 168).')
    .min(HANDOVER_TTL_HOURS.min, 'A link works for at least 1 hour.')
    .max(HANDOVER_TTL_HOURS.max, 'A link works for at most 168 hours (a week).')
    .default(HANDOVER_TTL_HOURS.default),
});
export type HandoverCreateRequest = z.infer<typeof handoverCreateRequestSchema>;
export type HandoverCreateRequestInput = z.input<typeof handoverCreateRequestSchema>;

export const handoverCreatedSchema = z.object({
  id: z.string().regex(HANDOVER_ID_PATTERN),
  /** ISO 8601, UTC. */
  expiresAt: z.iso.datetime(),
});
export type HandoverCreated = z.infer<typeof handoverCreatedSchema>;

/** POST /api/handovers/:id: the ciphertext, once. */
export const handoverCiphertextSchema = z.object({ ciphertext: z.string() });
export type HandoverCiphertext = z.infer<typeof handoverCiphertextSchema>;

export const HANDOVER_STATES = ['waiting', 'opened', 'revoked', 'expired'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];

export const handoverSummarySchema = z.object({
  id: z.string(),
  expiresAt: z.iso.datetime(),
  state: z.enum(HANDOVER_STATES),
});
export type HandoverSummary = z.infer<typeof handoverSummarySchema>;

/** GET /api/handovers: this session's links, newest first. */
export const handoverListSchema = z.object({ handovers: z.array(handoverSummarySchema) });
export type HandoverList = z.infer<typeof handoverListSchema>;

/** What the browser encrypts: never seen by the server in the clear. */
export const handoverBundleSchema = z.object({
  version: z.literal(1),
  applicationKeyId: z.string(),
  applicationKey: z.string(),
  bucketName: z.string(),
  endpoint: z.string(),
  region: z.string(),
  files: z.array(z.object({ filename: z.string(), mediaType: z.string(), content: z.string() })),
});
export type HandoverBundle = z.infer<typeof handoverBundleSchema>;
