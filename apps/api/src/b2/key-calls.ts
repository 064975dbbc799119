// The application-key calls of one connection (docs/b2-behaviour.md "Keys for several buckets").
// A key for one bucket is made on v2 with `bucketId`, which tools on every API version accept; a
// key for several on v4 with `bucketIds`, the only version that takes them. Listing and deleting
// always go to v4: v1-v3 skip such keys in a listing and refuse to delete them. backblaze-b2 speaks
// v2, so the v4 calls set their URL (and `bucketIds`) in the call's axiosOverride, with the token
// of whichever version signed in (tokens are not per version, as far as anyone reports).
import { keyAnswer, keyPageAnswer, toKey, toNewKey, unreadAnswer } from './answers';
import { ONCE, REPEATABLE, type NativeCall } from './native-call';
import type { SignedInClient } from './signed-in-client';
import type { B2Key, B2NewKey, CreateKeyInput } from './b2-types';

export class KeyCalls {
  constructor(
    private readonly b2: SignedInClient,
    private readonly call: NativeCall,
  ) {}

  /** Read at each attempt: a re-authorization may move the API URL. */
  private v4(call: string): string {
    return `${this.b2.client.apiUrl ?? ''}/b2api/v4/${call}`;
  }

  async create(input: CreateKeyInput, undoBeforeRepeat?: () => Promise<void>): Promise<B2NewKey> {
    // A 5xx may come after B2 made the key: repeated only once `undoBeforeRepeat` removed it.
    const options = { ...ONCE, undoBeforeRepeat: undoBeforeRepeat ?? null };
    const { bucketIds, bucketId, ...common } = input;
    const answer = await this.call('b2_create_key', keyAnswer, options, () =>
      this.b2.client.createKey({
        ...common,
        ...(bucketIds ? {} : bucketId !== undefined && { bucketId }),
        axiosOverride: bucketIds
          ? this.b2.override({ url: this.v4('b2_create_key'), data: { bucketIds } })
          : this.b2.override(),
      }),
    );
    return toNewKey(answer);
  }

  async list(): Promise<B2Key[]> {
    const keys: B2Key[] = [];
    let start: string | undefined;
    for (let page = 0; page < 100; page += 1) {
      const from = start ? { startApplicationKeyId: start } : {};
      const answer = await this.call('b2_list_keys', keyPageAnswer, REPEATABLE, () =>
        this.b2.client.listKeys({
          maxKeyCount: 1000,
          ...from,
          axiosOverride: this.b2.override({ url: this.v4('b2_list_keys') }),
        }),
      );
      keys.push(...answer.keys.map(toKey));
      if (!answer.nextApplicationKeyId) break;
      start = answer.nextApplicationKeyId;
    }
    return keys;
  }

  async delete(applicationKeyId: string): Promise<void> {
    // Deleting one named key again cannot delete anything else, so a lost answer is retried.
    await this.call('b2_delete_key', unreadAnswer, REPEATABLE, () =>
      this.b2.client.deleteKey({
        applicationKeyId,
        axiosOverride: this.b2.override({ url: this.v4('b2_delete_key') }),
      }),
    );
  }
}
