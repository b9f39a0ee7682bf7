// Browsers and bundlers: fetch and instantiate the wasm once, at import.
import init, * as wasm from './web/chpass_wasm.js';
import { build } from './api.js';

await init({ module_or_path: new URL('./web/chpass_wasm_bg.wasm', import.meta.url) });
const api = build(wasm);

export const {
  Policy,
  validate,
  buildRequest,
  interpretResponse,
  dumpRequest,
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
  Client,
  NetworkError,
  TimeoutError,
  TlsError,
  InsecureHttpError,
  OutcomeUnknownError,
} = api;
export default api;
