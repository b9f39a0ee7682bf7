// Node, import: the same instance as require() gives, so errors are the same classes.
import api from './index.node.cjs';

export const {
  Policy,
  validate,
  presets,
  ERROR_CODES,
  ChpassError,
  ConfigurationError,
  InvalidPolicyError,
  InvalidArgumentError,
} = api;
export default api;
