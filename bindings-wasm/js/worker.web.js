// The Web Worker side of the async hashing functions (a module worker).
import { __serve } from './index.web.js';

self.onmessage = (event) => __serve(event.data, (reply) => self.postMessage(reply));
