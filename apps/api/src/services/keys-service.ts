// The account's application keys for the Keys panel: b2_list_keys without secrets, each marked
// when this wizard made it (this session's history, or only its name), and delete, which never
// touches the master key or the key the session is connected with.
import {
  looksMadeByWizard,
  type AccountKey,
  type AccountKeyList,
  type KeyDeleted,
} from '@b2wiz/shared';
import {
  cannotReplace,
  findKey,
  keyWords,
  protectionOf,
  refuseProtected,
  requireKeyCapabilities,
} from './keys/key-rules';
import { deleteKnownKey } from './keys/key-steps';
import type { OpenSession } from './session-service';
import type { ApplyRecords } from './setup/apply-records';

export interface KeysServiceDeps {
  records: ApplyRecords;
}

export class KeysService {
  constructor(private readonly deps: KeysServiceDeps) {}

  async list(session: OpenSession): Promise<AccountKeyList> {
    requireKeyCapabilities(session, ['listKeys']);
    const [keys, names, made] = await Promise.all([
      session.connection.listKeys(),
      this.bucketNames(session),
      this.keysInHistory(session),
    ]);
    return {
      accountId: session.summary.accountId,
      keys: keys.map((key): AccountKey => {
        const cannotDelete = protectionOf(session, key.applicationKeyId);
        return {
          applicationKeyId: key.applicationKeyId,
          keyName: key.keyName,
          capabilities: key.capabilities,
          buckets:
            key.bucketIds?.map((bucketId) => ({
              bucketId,
              bucketName: names.get(bucketId) ?? null,
            })) ?? null,
          namePrefix: key.namePrefix,
          expirationTimestamp: key.expirationTimestamp,
          madeByWizard: made.has(key.applicationKeyId)
            ? 'history'
            : looksMadeByWizard(key.keyName)
              ? 'name'
              : null,
          cannotDelete,
          cannotReplace: cannotDelete?.message ?? cannotReplace(key),
        };
      }),
    };
  }

  async delete(session: OpenSession, applicationKeyId: string): Promise<KeyDeleted> {
    refuseProtected(session, applicationKeyId);
    requireKeyCapabilities(session, ['listKeys', 'deleteKeys']);
    const key = await findKey(session, applicationKeyId);
    await deleteKnownKey(session.connection, key.applicationKeyId);
    session.log.info('deleted an application key from the keys panel', { applicationKeyId });
    return {
      applicationKeyId,
      keyName: key.keyName,
      message: `Deleted ${keyWords(key)}. Anything that still uses it can no longer reach Backblaze.`,
    };
  }

  /** Bucket names by ID, as far as the connected key may see them. */
  private async bucketNames(session: OpenSession): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const restricted = session.summary.restrictedBucket;
    if (restricted) {
      if (restricted.bucketName) names.set(restricted.bucketId, restricted.bucketName);
      return names;
    }
    if (!session.summary.capabilities.includes('listBuckets')) return names;
    try {
      for (const b of await session.connection.listBuckets()) names.set(b.bucketId, b.bucketName);
    } catch (error) {
      // The names are a help, not the list: without them the panel shows the IDs.
      session.log.warn('bucket names for the keys panel not read', { error: String(error) });
    }
    return names;
  }

  /** The keys this session's setups (and replacements) made. */
  private async keysInHistory(session: OpenSession): Promise<Set<string>> {
    const records = await this.deps.records.list(session.id);
    return new Set(
      records.flatMap(({ record }) => (record.key ? [record.key.applicationKeyId] : [])),
    );
  }
}
