"""The JS and Python error classes agree for every code: both are generated from
core/src/error_types.rs, and this compares what each language raises for each code."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import chpass
from chpass._errors import _from_core

ERRORS_JS = Path(__file__).resolve().parents[1] / "bindings-wasm/pkg/lib/errors.js"


def js_classes() -> dict[str, list[str]]:
    script = f"""
      const {{ makeError }} = await import({json.dumps(ERRORS_JS.as_uri())});
      const out = {{}};
      for (const code of {json.dumps(list(chpass.ERROR_CODES))}) {{
        const chain = [];
        for (let c = Object.getPrototypeOf(makeError(code, '', '', {{}}, false)); c !== Error.prototype; c = Object.getPrototypeOf(c))
          chain.push(c.constructor.name);
        out[code] = chain;
      }}
      console.log(JSON.stringify(out));"""
    run = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    classes: dict[str, list[str]] = json.loads(run.stdout)
    return classes


def test_every_code_has_the_same_class_and_ancestors_in_js_and_python() -> None:
    js = js_classes()
    assert set(js) == set(chpass.ERROR_CODES)
    for code, chain in js.items():
        error = _from_core(code, "", "", {}, False)
        python_chain = [c.__name__ for c in type(error).__mro__ if issubclass(c, chpass.ChpassError)]
        assert python_chain == chain, code
        assert getattr(chpass, chain[0]) is type(error), code


def test_python_classes_keep_their_builtin_bases() -> None:
    assert issubclass(chpass.ConfigurationError, ValueError)
    assert issubclass(chpass.RequestTimeoutError, TimeoutError)
    assert issubclass(chpass.NetworkError, ConnectionError)
    assert issubclass(chpass.CredentialFileError, OSError)
    assert issubclass(chpass.RandomUnavailableError, OSError)
