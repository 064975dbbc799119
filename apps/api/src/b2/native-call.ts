// The shape of one native call through the retry pipeline (b2-gateway.ts runs it), for the files
// that hold a group of calls (key-calls.ts).
import type { B2Response } from 'backblaze-b2';
import type { z } from 'zod';
import type { RetriedCall } from './call-with-retry';

export type CallOptions = Pick<
  RetriedCall<B2Response>,
  'idempotent' | 'doneAlready' | 'undoBeforeRepeat'
>;

/** Sends `send` through the pipeline and reads its answer with `answer`. */
export type NativeCall = <T>(
  name: string,
  answer: z.ZodType<T>,
  options: CallOptions,
  send: () => Promise<B2Response>,
) => Promise<T>;

/** Safe to send again after a lost answer: reads, and deletes of one named thing. */
export const REPEATABLE = { idempotent: true };
/** Never sent again after a lost answer: it may have made or changed something. */
export const ONCE = { idempotent: false };
