// Browsers and bundlers: fetch and instantiate the wasm once, at import.
import init, * as wasm from './web/chpass_wasm.js';
import { build } from './api.js';

await init({ module_or_path: new URL('./web/chpass_wasm_bg.wasm', import.meta.url) });
// Async hashing runs in a module worker; bundlers (Vite, webpack 5) follow this URL pattern.
function startWorker(onMessage, onFailure) {
  const worker = new Worker(new URL('./worker.web.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => onMessage(event.data);
  worker.onerror = (event) => onFailure(event.message ?? 'error');
  return { post: (message) => worker.postMessage(message), ref() {}, unref() {} };
}
// zxcvbn's estimator and dictionaries, and the passphrase words: modules of their own, fetched by
// loadStrength() and loadWordList() (static import paths, so bundlers split each into its own chunk).
const parts = {
  'strength.wasm': async () => {
    const estimator = await import('./web/strength/chpass_strength_wasm.js');
    await estimator.default(); // its own URL, so a bundler puts it in the module's chunk
    return estimator;
  },
  'strength-data.js': async () => (await import('./strength-data.js')).default,
  'word-list.js': async () => (await import('./word-list.js')).default,
};
const data = { read: (part) => parts[part]() };
const api = build(wasm, typeof Worker === 'function' ? startWorker : undefined, data);

export const {
  Policy,
  validate,
  buildRequest,
  interpretResponse,
  dumpRequest,
  hash,
  verify,
  verifyOpenSearch,
  needsRehash,
  elasticsearchPasswordHash,
  opensearchHash,
  hashAsync,
  verifyAsync,
  verifyOpenSearchAsync,
  needsRehashAsync,
  elasticsearchPasswordHashAsync,
  opensearchHashAsync,
  generate,
  strength,
  loadStrength,
  loadWordList,
  __serve,
  presets,
  ERROR_CODES,
  ChpassError,
  ConfigurationError,
  InvalidPolicyError,
  InvalidArgumentError,
  ServerError,
  ProtocolError,
  UnexpectedResponseError,
  InvalidCurrentPasswordError,
  AuthenticationFailedError,
  AccountLockedError,
  AccountDisabledError,
  PasswordExpiredError,
  ServerRejectedPasswordError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ServerUnavailableError,
  BadRequestError,
  TransportError,
  PolicyViolationError,
  MalformedHashError,
  PasswordTooLongForBcryptError,
  WorkLimitExceededError,
  RandomUnavailableError,
  Client,
  NetworkError,
  TimeoutError,
  TlsError,
  InsecureHttpError,
  OutcomeUnknownError,
} = api;
export default api;
