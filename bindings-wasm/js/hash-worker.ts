// `chpass/hash`'s worker in browsers (a module worker). Beside hash.js, which names it: Vite's
// dev server finds a pre-bundled package's worker relative to the package's entry file.
import { serve } from './lib/serve-hash.js';

self.onmessage = (event) => serve(event.data, (reply) => self.postMessage(reply));
