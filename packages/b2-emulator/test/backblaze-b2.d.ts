// The backblaze-b2 package ships no types; this covers what the tests use.
declare module 'backblaze-b2' {
  interface B2Response {
    status: number;
    headers: Record<string, string>;
    data: { [key: string]: unknown };
  }
  interface CallArgs {
    axiosOverride?: Record<string, unknown>;
    [key: string]: unknown;
  }
  export default class B2 {
    constructor(options: {
      applicationKeyId: string;
      applicationKey: string;
      retry?: Record<string, unknown>;
    });
    accountId: string;
    apiUrl: string;
    downloadUrl: string;
    authorizationToken: string;
    authorize(args?: CallArgs): Promise<B2Response>;
    createBucket(args: CallArgs): Promise<B2Response>;
    updateBucket(args: CallArgs): Promise<B2Response>;
    listBuckets(args?: CallArgs): Promise<B2Response>;
    getBucket(args: CallArgs): Promise<B2Response>;
    deleteBucket(args: CallArgs): Promise<B2Response>;
    getUploadUrl(args: CallArgs): Promise<B2Response>;
    uploadFile(args: CallArgs): Promise<B2Response>;
    listFileNames(args: CallArgs): Promise<B2Response>;
    listFileVersions(args: CallArgs): Promise<B2Response>;
    hideFile(args: CallArgs): Promise<B2Response>;
    getFileInfo(args: CallArgs): Promise<B2Response>;
    getDownloadAuthorization(args: CallArgs): Promise<B2Response>;
    downloadFileByName(args: CallArgs): Promise<B2Response>;
    downloadFileById(args: CallArgs): Promise<B2Response>;
    deleteFileVersion(args: CallArgs): Promise<B2Response>;
    createKey(args: CallArgs): Promise<B2Response>;
    listKeys(args?: CallArgs): Promise<B2Response>;
    deleteKey(args: CallArgs): Promise<B2Response>;
  }
}
