// The peer tables of docs/hashing.md, made from bench/results/hash.json (`bash bench/hash.sh`);
// js-tests/test/readme.test.mjs holds the page equal to them.
const cell = (m) => (m ? `${m.chpass_ms.toFixed(1)} ms, ${m.peer} ${m.peer_ms.toFixed(1)} ms (${m.ratio.toFixed(2)}×)` : '—');

export function hashTable({ rust, python, node }) {
  const rows = [
    ['argon2id m=19456 t=2 p=1', cell(python.argon2id_m19456_t2_p1),
      `${cell(node.argon2id_m19456_t2_p1_vs_hash_wasm)}; ${cell(node.argon2id_m19456_t2_p1_vs_native_argon2)}`],
    ['bcrypt, cost 10', cell(python.bcrypt_cost10), cell(node.bcrypt_cost10_vs_bcryptjs)],
    ['PBKDF2-HMAC-SHA512, 10,000 iterations', cell(python.pbkdf2_sha512_10000), '—'],
  ];
  const engines = rust.argon2id_m19456_t2_p1_ms;
  const gil = Object.entries(python.gil).filter(([, g]) => typeof g === 'object');
  return [
    '| Hash | Python | Node (the npm package) |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `Natively, argon2id m=19456 takes ${engines.chpass_argon2_rust.toFixed(1)} ms with argon2-rust (${rust.argon2_backend}) against ${engines.rustcrypto_argon2.toFixed(1)} ms with RustCrypto's \`argon2\` (${rust.argon2_engines_ratio.toFixed(2)}×). Two Python threads hashing at once, time per hash against one thread alone (0.5: fully parallel):`,
    '',
    '| Hash | chpass | the peer |',
    '|---|---|---|',
    ...gil.map(([name, g]) => `| ${name.replace(/_/g, ' ')} | ${g.time_per_hash_ratio.toFixed(2)} | ${g.peer} ${g.peer_time_per_hash_ratio.toFixed(2)} |`),
  ].join('\n');
}
