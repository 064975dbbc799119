// GET /api/setups and DELETE /api/setups/:idempotencyKey: this session's setups, without secrets,
// and what an undo removed and kept, in plain words.
import { z } from 'zod';
import { corsRuleSchema, lifecycleRuleSchema, targetSchema } from './request-steps';

export const setupEntrySchema = z.object({
  idempotencyKey: z.string(),
  customer: z.string().nullable(),
  target: targetSchema,
  /** When the setup was first applied, ms since 1970 (UTC). */
  createdAt: z.number(),
  bucket: z.object({
    bucketId: z.string(),
    bucketName: z.string(),
    /** Made by this setup, or one the account had (never deleted by undo). */
    made: z.boolean(),
  }),
  key: z.object({ applicationKeyId: z.string(), keyName: z.string() }).nullable(),
  /** Something this setup made is still there to remove. */
  canUndo: z.boolean(),
  /** The last undo's answer in one line; null before any undo. */
  undone: z.string().nullable(),
});
export type SetupEntry = z.infer<typeof setupEntrySchema>;

export const setupListSchema = z.object({ setups: z.array(setupEntrySchema) });
export type SetupList = z.infer<typeof setupListSchema>;

export const undoPartSchema = z.object({
  thing: z.enum(['key', 'bucket', 'rules']),
  /** "The application key “acme-rclone” (ID 004…)". */
  what: z.string(),
  /** Why it was kept, or what happened: "the bucket holds 3 files; delete them first or keep it". */
  why: z.string().optional(),
});

export const undoResultSchema = z.object({
  idempotencyKey: z.string(),
  removed: z.array(undoPartSchema),
  kept: z.array(undoPartSchema),
  /** An existing bucket whose rules the setup changed: the rules it had before, to put back. */
  rulesBefore: z
    .object({ lifecycleRules: z.array(lifecycleRuleSchema), corsRules: z.array(corsRuleSchema) })
    .nullable(),
  /** The whole answer in plain words. */
  message: z.string(),
});
export type UndoResult = z.infer<typeof undoResultSchema>;
