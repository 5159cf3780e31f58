#!/usr/bin/env bash
# Every test: type check, unit tests of the core, the server over stdio, then real VS Code.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit -p .
npm run build
node --import tsx --test test/unit/*.test.ts test/lsp/*.test.ts
node scripts/vscode/run-tests.mjs
