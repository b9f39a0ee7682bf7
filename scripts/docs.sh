#!/usr/bin/env bash
# scripts/docs.sh: the documentation site, into .work/site: the guides of docs/ (MkDocs,
# mkdocs.yml) with the API references under api/ — rustdoc for the published crates, TypeDoc
# from the npm package's declarations, pdoc from the pip package's docstrings and stubs. Any
# warning fails it (a broken link, a page left out of the nav, an undocumented public Rust item).
# The references read the built npm package and the installed wheel: run scripts/build.sh first.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
step "documentation site -> .work/site (references: docs/api/, not committed)"
rm -rf docs/api target/doc
mkdir -p docs/api
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p chpass --all-features
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p chpass-regex -p chpass-strength -p chpass-cli
cp -r target/doc docs/api/rust
(cd js-tests && npx typedoc --options typedoc.json --logLevel Warn)
# every pdoc warning is an error but one: it cannot place the keys a generated TypedDict
# inherits from its required half (chpass._operations), and says so for each
"$PY" -W error -W "ignore:Cannot determine where:UserWarning" -m pdoc chpass chpass.http -o docs/api/python
"$PY" -m mkdocs build --strict --quiet
echo "site: .work/site/index.html"
