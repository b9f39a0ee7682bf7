// The Web Worker side of the async hashing functions (a module worker). The handler is set
// before the package loads: a message arriving while the wasm is still being instantiated
// would otherwise find no handler and be lost.
const api = import('./index.web.js');

self.onmessage = async (event) => {
  const { __serve } = await api;
  __serve(event.data, (reply) => self.postMessage(reply));
};
