// chpass's wasm, as React state: each entry point's `ready()` once, its failure shown, never
// thrown. `chpass/strength` (zxcvbn's dictionaries, most of the bytes) loads only when asked.
import { useEffect, useState } from 'react';

export function useReady(ready, wanted = true) {
  const [state, setState] = useState({ status: wanted ? 'loading' : 'idle' });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    ready().then(
      () => live && setState({ status: 'ready' }),
      (error) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [ready, wanted]);
  return state;
}
