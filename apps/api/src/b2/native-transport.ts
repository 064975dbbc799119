// The native calls' transport: backblaze-b2 builds every request (URL, headers, body) and axios
// runs it, but the bytes go out through this adapter over node:http(s) (http-exchange.ts, as the
// S3 requests do), not through axios's own http adapter, which looks up proxies in the
// environment and wraps redirects, decompression and streams on every request (0.40–0.53 against
// 0.32–0.34 ms of CPU per request through axios; docs/architecture.md "B2 transport"). Answers
// and failures take axios's shapes, so the gateway reads them as before: a non-2xx answer is an
// AxiosError with `response`, no answer is an AxiosError with the socket's code (ECONNABORTED when
// the timeout passes, as axios says it).
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import axios, {
  AxiosError,
  AxiosHeaders,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { exchange, NoAnswer, type Exchange } from './http-exchange';

/** A proxy named in the environment is honoured the way axios honours it: by axios itself. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** Bodies this adapter sends: what axios's JSON transform leaves, or the upload's bytes. */
function bodyOf(data: unknown): Buffer | string | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.length);
  return undefined;
}

/** Whether this adapter can carry the request; anything else goes through axios's own. */
function carries(config: InternalAxiosRequestConfig): boolean {
  const type = config.responseType ?? 'json';
  return (
    typeof config.url === 'string' &&
    !config.baseURL &&
    !config.params &&
    !config.signal &&
    !config.cancelToken &&
    (type === 'json' || type === 'text' || type === 'arraybuffer') &&
    (config.data === undefined || config.data === null || bodyOf(config.data) !== undefined)
  );
}

function decoded(bytes: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(bytes);
    case 'deflate':
      return inflateSync(bytes);
    case 'br':
      return brotliDecompressSync(bytes);
    default:
      return bytes;
  }
}

async function send(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
  const body = bodyOf(config.data);
  const headers = AxiosHeaders.from(config.headers).normalize(false);
  if (body !== undefined && !headers.has('Content-Length')) {
    headers.set('Content-Length', String(Buffer.byteLength(body)));
  }
  let answer: Exchange;
  let bytes: Buffer;
  try {
    answer = await exchange(config.url!, {
      method: (config.method ?? 'get').toUpperCase(),
      headers: headers.toJSON(true) as Record<string, string>,
      ...(body !== undefined && { body }),
      ...(config.timeout ? { timeoutMs: config.timeout } : {}),
    });
    bytes = decoded(answer.body, answer.headers['content-encoding']);
  } catch (error) {
    throw noAnswer(error, config);
  }
  const response: AxiosResponse = {
    data: config.responseType === 'arraybuffer' ? bytes : bytes.toString('utf8'),
    status: answer.status,
    statusText: answer.statusText,
    headers: AxiosHeaders.from(answer.headers as Record<string, string>),
    config,
  };
  const valid = config.validateStatus;
  if (!answer.status || !valid || valid(answer.status)) return response;
  throw new AxiosError(
    `Request failed with status code ${answer.status}`,
    answer.status >= 400 && answer.status < 500
      ? AxiosError.ERR_BAD_REQUEST
      : AxiosError.ERR_BAD_RESPONSE,
    config,
    undefined,
    response,
  );
}

/** What axios itself throws when no answer came: ECONNABORTED for its timeout, else the code. */
function noAnswer(error: unknown, config: InternalAxiosRequestConfig): AxiosError {
  if (error instanceof NoAnswer) {
    return error.timedOut
      ? new AxiosError(`timeout of ${config.timeout}ms exceeded`, 'ECONNABORTED', config)
      : new AxiosError(error.message, error.cause.code ?? AxiosError.ERR_NETWORK, config);
  }
  // An answer that could not be decompressed.
  return new AxiosError('The answer could not be read.', AxiosError.ERR_BAD_RESPONSE, config);
}

/**
 * The adapter for every native call's axiosOverride; axios's own takes any request it does not
 * carry, and every request while a proxy is set in the environment.
 */
export function nativeTransport(env: NodeJS.ProcessEnv = process.env): AxiosAdapter {
  const fallback = axios.getAdapter(['http']);
  if (PROXY_VARIABLES.some((name) => env[name])) return fallback;
  return (config) => (carries(config) ? send(config) : fallback(config));
}
