// Reads the shared vectors of core/tests/vectors/.
import { readFileSync } from 'node:fs';

export { passwordOf } from './policy-check.mjs';

export function loadVectors(name, section = 'cases') {
  const url = new URL(`../../core/tests/vectors/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'))[section];
}
