// The peer table of docs/hashing.md, made from bench/results/hash.json (`bash bench/hash.sh`);
// js-tests/test/readme.test.mjs holds the page equal to it.
const cell = (m) => (m ? `${m.chpass_ms.toFixed(1)} ms, ${m.peer} ${m.peer_ms.toFixed(1)} ms (${m.ratio.toFixed(2)}×)` : '—');

export function hashTable({ python, node }) {
  const rows = [
    ['argon2id m=19456 t=2 p=1', cell(python.argon2id_m19456_t2_p1),
      `${cell(node.argon2id_m19456_t2_p1_vs_hash_wasm)}; ${cell(node.argon2id_m19456_t2_p1_vs_native_argon2)}`],
    ['bcrypt, cost 10', cell(python.bcrypt_cost10), cell(node.bcrypt_cost10_vs_bcryptjs)],
    ['PBKDF2-HMAC-SHA512, 10,000 iterations', cell(python.pbkdf2_sha512_10000), '—'],
  ];
  return ['| Hash | Python | Node (the npm package) |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
