// Node, import: the same instance as require() gives, so errors are the same classes.
import api from './index.node.cjs';

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
} = api;
export default api;
