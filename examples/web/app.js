// A change-password page as a frontend developer writes it with chpass: the policy's rules as a
// live checklist, zxcvbn's strength on every keystroke, a generate button, and the change sent
// to Elasticsearch with chpass's Client (the server's answer becomes a message for the user).
import * as chpass from './chpass/index.js';
import * as meter from './chpass/strength.js';
import { Client, ready as clientReady } from './chpass/client.js';

// the page is already drawn; the rules, the meter and the client wait for their wasm (a failed
// download becomes a message, not a dead page)
try {
  await Promise.all([chpass.ready(), meter.ready(), clientReady()]);
} catch (err) {
  document.getElementById('status').textContent = `The password checks could not load: ${err.message}`;
  throw err;
}

// NIST SP 800-63B (15+ characters, no common password, no user name) plus zxcvbn score 3
const policy = new chpass.Policy({ ...chpass.Policy.preset('nist-800-63b', {}).toJSON(), strength: { min_score: 3 } });
const SCORES = ['Too guessable', 'Very guessable', 'Somewhat guessable', 'Safely unguessable', 'Very unguessable'];

// one checklist line per rule of the policy, each turned off by the violation codes it owns
const spec = policy.toJSON();
const rules = [
  spec.min_length && [`At least ${spec.min_length.value} characters`, ['too_short']],
  spec.max_length && [`At most ${spec.max_length.value} characters`, ['too_long']],
  spec.forbid_control_characters && ['No control characters', ['control_character']],
  spec.context_words && ['Does not contain your user name', ['contains_context_word']],
  spec.blocklist && ['Not one of the most common passwords', ['common_password', 'blocklisted']],
  spec.strength && ['Hard to guess (strength 3 of 4)', ['weak_password']],
].filter(Boolean);

const $ = (id) => document.getElementById(id);
const checklist = $('checklist');
for (const [label] of rules) checklist.append(Object.assign(document.createElement('li'), { textContent: label }));

function update() {
  const password = $('new').value;
  const context = { username: $('username').value, current_password: $('current').value || undefined };
  let codes = ['too_short'];
  try {
    codes = policy.validate(password, context).violations.map((v) => v.code);
  } catch (err) {
    codes = [err.code]; // a lone surrogate, pasted from somewhere odd
  }
  rules.forEach(([, owned], i) => checklist.children[i].classList.toggle('ok', !owned.some((c) => codes.includes(c))));
  const { score } = password ? meter.strength(password, [$('username').value]) : { score: 0 };
  $('meter-bar').dataset.score = String(score);
  $('meter-label').textContent = password ? SCORES[score] : 'Type a password';
  const differs = $('repeat').value !== '' && $('repeat').value !== password;
  $('repeat-note').hidden = !differs;
  $('submit').disabled = codes.length > 0 || differs || $('repeat').value === '' || !$('current').value;
}

for (const id of ['username', 'current', 'new', 'repeat']) $(id).addEventListener('input', update);

$('generate').addEventListener('click', async () => {
  await chpass.loadWordList(); // the EFF words are downloaded on the first click only
  const { password } = chpass.generate(policy, { mode: 'passphrase', words: 6 }, { username: $('username').value });
  $('new').value = $('repeat').value = password;
  $('new').type = $('repeat').type = 'text';
  update();
});
$('show').addEventListener('click', () => {
  const hidden = $('new').type === 'password';
  $('new').type = $('repeat').type = hidden ? 'text' : 'password';
});

const client = new Client();
const MESSAGES = {
  invalid_current_password: 'Your current password is not right.',
  server_rejected_password: 'The server refused this password; try another one.',
  network: 'Could not reach the server; check your connection.',
};

$('change').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = $('status');
  status.className = '';
  status.textContent = 'Changing…';
  try {
    await client.changePassword(
      {
        operation: 'elasticsearch.change_password',
        base_url: location.origin,
        password: $('new').value,
        auth: { basic: { username: $('username').value, password: $('current').value } },
      },
      policy,
      { username: $('username').value },
    );
    status.className = 'ok';
    status.textContent = 'Your password has been changed.';
    $('current').value = $('new').value = $('repeat').value = '';
    update();
  } catch (err) {
    status.className = 'error';
    status.textContent = MESSAGES[err.code] ?? `${err.message} [${err.code}]`;
  }
});

update();
window.chpassReady = true;
