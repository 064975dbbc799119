/**
 * How every native and S3 call is delayed and faulted: the added latency first, then the first
 * injected fault for the call, if any: drop the connection before the call, answer with the fault's
 * status instead of making it (or after making it, with afterEffect), drop the connection after
 * it took effect, or stall the answer.
 */
import type { IncomingMessage } from 'node:http';
import type { EmulatorCore } from './core';
import type { FaultSpec } from './faults';

/** How one API makes, recognises and sends its answers. */
export interface FaultableCall<Answer, Failure> {
  /** The API's error for a fault with a status. */
  failure(fault: FaultSpec, status: number): Failure;
  /** Whether a thrown value is an answer of the API (any other is rethrown). */
  isFailure(thrown: unknown): thrown is Failure;
  /** Makes the call. */
  run(): Promise<Answer>;
  send(answer: Answer | Failure): void;
}

export async function answerWithFaults<Answer, Failure>(
  core: EmulatorCore,
  req: IncomingMessage,
  call: string,
  api: FaultableCall<Answer, Failure>,
): Promise<void> {
  await core.sleep(core.latencyMs);
  const fault = core.faults.take(call);
  if (fault?.drop === 'before') {
    req.socket.destroy();
    return;
  }
  let answer: Answer | Failure;
  if (fault?.status !== undefined && !fault.afterEffect) {
    answer = api.failure(fault, fault.status);
  } else {
    try {
      answer = await api.run();
    } catch (error) {
      if (!api.isFailure(error)) throw error;
      answer = error;
    }
    if (fault?.status !== undefined) answer = api.failure(fault, fault.status);
  }
  if (fault?.drop === 'after') {
    req.socket.destroy();
    return;
  }
  if (fault?.stallMs !== undefined) await core.sleep(fault.stallMs);
  api.send(answer);
}
