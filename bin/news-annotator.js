#!/usr/bin/env node
'use strict';
// The command line is bundled with the server by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'out', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('news-annotator: not built yet — run `npm run build` first.\n');
  process.exit(2);
}
require(cli);
