// Reads the shared vectors of core/tests/vectors/.
import { readFileSync } from 'node:fs';

export function loadVectors(name) {
  const url = new URL(`../../core/tests/vectors/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')).cases;
}

/** The case's password as a JS string; ill-formed UTF-16 survives (JS strings hold it). */
export function passwordOf(c) {
  if (c.password_utf16) return String.fromCharCode(...c.password_utf16);
  if (c.password_repeat) return c.password_repeat.text.repeat(c.password_repeat.count);
  return c.password;
}
