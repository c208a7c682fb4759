import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

// `n8n-node lint` runs `eslint .`, but only nodes/, credentials/ and package.json ship (the same files
// n8n's verification scan lints in the source repo), so everything else at the root is ignored.
// test/, bench/ and scripts/ are linted by eslint.dev.config.mjs instead.
// A config that differs from n8n's default needs "strict": false under "n8n" in package.json.
export default [globalIgnores(['*', '!nodes/', '!credentials/', '!package.json']), ...config];
