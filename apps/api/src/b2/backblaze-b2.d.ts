// The part of backblaze-b2 1.7.1 the gateway uses (the package ships no types).
declare module 'backblaze-b2' {
  import type { AxiosAdapter } from 'axios';

  export interface B2Response<T = unknown> {
    status: number;
    headers: Record<string, string | undefined>;
    data: T;
  }

  /** Merged over the request the library builds; `data` is merged into its body. */
  export interface AxiosOverride {
    url?: string;
    method?: string;
    timeout?: number;
    headers?: Record<string, string>;
    data?: Record<string, unknown>;
    params?: Record<string, unknown>;
    maxRedirects?: number;
    proxy?: false;
    'axios-retry'?: { retries: number };
    adapter?: AxiosAdapter;
  }

  interface CallArgs {
    axiosOverride?: AxiosOverride;
  }

  interface B2Options {
    applicationKeyId: string;
    applicationKey: string;
    retry?: { retries: number };
  }

  class B2 {
    constructor(options: B2Options);
    accountId: string | null;
    authorizationToken: string | null;
    apiUrl: string | null;
    downloadUrl: string | null;
    authorize(args?: CallArgs): Promise<B2Response>;
    createBucket(args: CallArgs & { bucketName: string; bucketType: string }): Promise<B2Response>;
    updateBucket(args: CallArgs & { bucketId: string; bucketType?: string }): Promise<B2Response>;
    listBuckets(args?: CallArgs): Promise<B2Response>;
    deleteBucket(args: CallArgs & { bucketId: string }): Promise<B2Response>;
    getUploadUrl(args: CallArgs & { bucketId: string }): Promise<B2Response>;
    uploadFile(
      args: CallArgs & {
        uploadUrl: string;
        uploadAuthToken: string;
        fileName: string;
        data: Buffer;
        mime?: string;
      },
    ): Promise<B2Response>;
    deleteFileVersion(args: CallArgs & { fileId: string; fileName: string }): Promise<B2Response>;
    listFileVersions(
      args: CallArgs & {
        bucketId: string;
        startFileName?: string;
        startFileId?: string;
        maxFileCount?: number;
      },
    ): Promise<B2Response>;
    createKey(
      args: CallArgs & {
        capabilities: string[];
        keyName: string;
        validDurationInSeconds?: number;
        bucketId?: string;
        namePrefix?: string;
      },
    ): Promise<B2Response>;
    listKeys(
      args?: CallArgs & { maxKeyCount?: number; startApplicationKeyId?: string },
    ): Promise<B2Response>;
    deleteKey(args: CallArgs & { applicationKeyId: string }): Promise<B2Response>;
  }

  export default B2;
}
