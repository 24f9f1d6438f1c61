// n8n-core's InstanceSettings writes <N8N_USER_FOLDER>/.n8n/config: keep it in a throw-away folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'ncc-jest-'));
process.env.N8N_LOG_LEVEL = 'silent';
