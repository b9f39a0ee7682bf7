// A sign-up form: the policy's rules checked live as the user types (the messages are
// chpass's, the same in Rust and Python), and a strength meter (`chpass/meter`: zxcvbn's lists
// with coarse ranks) whose estimator is downloaded at the first keystroke, not with the page.
import { useMemo, useState } from 'react';
import { ready, Policy } from 'chpass';
import { ready as strengthReady, strength } from 'chpass/meter';
import { useReady } from './useChpass.js';

const SCORES = ['Too guessable', 'Very guessable', 'Somewhat guessable', 'Safely unguessable', 'Very unguessable'];

export function SignUp() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const checks = useReady(ready);
  const meter = useReady(strengthReady, password !== '');
  const policy = useMemo(() => (checks.status === 'ready' ? Policy.preset('nist-800-63b') : null), [checks.status]);

  if (checks.status === 'failed') return <p role="alert">The password checks could not load: {checks.error.message}</p>;
  const report = policy && password ? policy.validate(password, { username }) : null;
  const score = meter.status === 'ready' && password ? strength(password, [username]).score : null;
  const ok = report?.ok === true && username !== '';

  return (
    <main>
      <h1>Create your account</h1>
      <form onSubmit={(event) => (event.preventDefault(), setDone(true))} noValidate>
        <label>
          User name <input id="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" />
        </label>
        <label>
          Password{' '}
          <input id="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </label>
        <div className="meter" aria-live="polite">
          <div id="meter-bar" className="bar" data-score={score ?? 0} />
          <span id="meter-label">{score === null ? (password ? 'Estimating…' : 'Type a password') : SCORES[score]}</span>
        </div>
        <ul id="rules" aria-live="polite">
          {report?.violations.map((v) => <li key={v.code} data-code={v.code}>{v.message}</li>)}
        </ul>
        <button id="submit" type="submit" disabled={!ok}>Sign up</button>
        {done && <p id="status" role="status">Welcome, {username}.</p>}
      </form>
    </main>
  );
}
