// examples/react, built by Vite 7 as its README says and driven in headless Chromium: the rules
// follow the typing, the estimator is fetched at the first keystroke and not before, and the
// form submits once the policy is met.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { launchChromium } from './support/chromium.mjs';
import { serveStatic } from './support/static.mjs';

const HERE = fileURLToPath(new URL('../', import.meta.url));
// inside js-tests, so that the example resolves react, vite's plugin and chpass from here
const DIR = join(HERE, '.scratch-react');

let server;
let browser;
let origin;

before(async () => {
  rmSync(DIR, { recursive: true, force: true });
  cpSync(new URL('../../examples/react/', import.meta.url), DIR, { recursive: true });
  const { build } = await import(pathToFileURL(createRequire(import.meta.url).resolve('vite')).href);
  await build({ root: DIR, logLevel: 'error' });
  server = await serveStatic(join(DIR, 'dist'));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

test('the React sign-up form: live rules, a lazy strength meter, submit once the policy is met', async () => {
  const page = await browser.newPage({ viewport: { width: 640, height: 560 } });
  const errors = [];
  const fetched = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(origin + '/');
  await page.waitForSelector('#username');
  const strengthFiles = () => fetched.filter((p) => /strength|meter/.test(p));
  const rules = () => page.$$eval('#rules li', (items) => items.map((li) => li.dataset.code));

  await page.type('#username', 'jack');
  assert.deepEqual(strengthFiles(), [], 'the estimator is not fetched before the first keystroke');
  await page.type('#password', 'password');
  await page.waitForFunction(() => document.querySelector('#meter-label').textContent === 'Too guessable');
  assert.ok(strengthFiles().some((p) => /meter-data/.test(p)), fetched.join());
  assert.ok(!fetched.some((p) => /strength-data/.test(p)), 'the coarse lists, not the exact ones');
  assert.deepEqual(await rules(), ['too_short', 'common_password']);
  assert.equal(await page.$eval('#submit', (b) => b.disabled), true);

  await page.fill('#password', '');
  await page.type('#password', 'jack likes long walks');
  assert.deepEqual(await rules(), ['contains_context_word']);

  await page.fill('#password', '');
  await page.type('#password', 'correct horse battery staple');
  assert.deepEqual(await rules(), []);
  await page.waitForFunction(() => document.querySelector('#meter-label').textContent === 'Very unguessable');
  assert.equal(await page.$eval('#meter-bar', (bar) => bar.dataset.score), '4');
  mkdirSync(fileURLToPath(new URL('../artifacts/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL('../artifacts/example-react.png', import.meta.url)) });
  await page.click('#submit');
  assert.equal(await page.$eval('#status', (p) => p.textContent), 'Welcome, jack.');
  assert.deepEqual(errors, []);
});
