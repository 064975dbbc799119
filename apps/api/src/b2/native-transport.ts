// The native calls' transport: backblaze-b2 builds every request (URL, headers, body) and axios
// runs it, but the request itself goes out over node:http(s) through this adapter, not through
// axios's own http adapter, which costs about three times the CPU per request (proxy lookup from
// the environment, redirect and decompression machinery, stream plumbing; docs/architecture.md
// "B2 transport"). Answers and failures take axios's shapes, so the gateway reads them as before:
// a non-2xx answer is an AxiosError with `response`, no answer is an AxiosError with the socket's
// code (ECONNABORTED when the timeout passes, as axios says it).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import axios, {
  AxiosError,
  AxiosHeaders,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';

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

function send(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(config.url!);
    const body = bodyOf(config.data);
    const headers = AxiosHeaders.from(config.headers).normalize(false);
    if (body !== undefined && !headers.has('Content-Length')) {
      headers.set('Content-Length', String(Buffer.byteLength(body)));
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: (config.method ?? 'get').toUpperCase(),
      headers: headers.toJSON(true) as Record<string, string>,
      ...(config.timeout ? { timeout: config.timeout } : {}),
    });
    let settled = false;
    const fail = (error: AxiosError) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    req.on('timeout', () => {
      fail(new AxiosError(`timeout of ${config.timeout}ms exceeded`, 'ECONNABORTED', config, req));
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Only the code travels on: a socket's message names an address, never a secret, but the
      // gateway reads nothing else.
      fail(new AxiosError(error.message, error.code ?? AxiosError.ERR_NETWORK, config, req));
    });
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error: NodeJS.ErrnoException) => {
        fail(new AxiosError(error.message, error.code ?? AxiosError.ERR_NETWORK, config, req));
      });
      res.on('end', () => {
        if (settled) return;
        let bytes: Buffer;
        try {
          bytes = decoded(Buffer.concat(chunks), res.headers['content-encoding']);
        } catch {
          fail(
            new AxiosError('The answer could not be decompressed.', 'Z_DATA_ERROR', config, req),
          );
          return;
        }
        settled = true;
        const status = res.statusCode ?? 0;
        const response: AxiosResponse = {
          data: config.responseType === 'arraybuffer' ? bytes : bytes.toString('utf8'),
          status,
          statusText: res.statusMessage ?? '',
          headers: AxiosHeaders.from(res.headers as Record<string, string>),
          config,
          request: req,
        };
        const valid = config.validateStatus;
        if (!status || !valid || valid(status)) resolve(response);
        else {
          reject(
            new AxiosError(
              `Request failed with status code ${status}`,
              status >= 400 && status < 500
                ? AxiosError.ERR_BAD_REQUEST
                : AxiosError.ERR_BAD_RESPONSE,
              config,
              req,
              response,
            ),
          );
        }
      });
    });
    req.end(body);
  });
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
