#!/usr/bin/env node
// The CLI is bundled with the app by electron-vite; run `npm run build` first.
require('../out/main/cli.js');
