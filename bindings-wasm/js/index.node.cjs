'use strict';
// Node, require(): the wasm module loads synchronously.
const { build } = require('./api.cjs');
module.exports = build(require('./node/chpass_wasm.js'));
