/**
 * Lint config for the code that does not ship: devkit/, test/, bench/ and scripts/.
 * Run it with `npx eslint -c eslint.dev.config.mjs` (it covers only those four folders).
 *
 * It is the config of `n8n-node lint` (JS, typescript-eslint and import-x recommended) without the
 * n8n node rules: test harnesses, fakes, benchmarks and demo scripts run in plain Node, so they may
 * spawn processes, read process.env, log to the console and throw plain errors.
 */
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

const NODE_RULE_FILES = ['package.json', './credentials/**/*.ts', './nodes/**/*.ts'];
const generalBlocks = config.filter(
	(block) =>
		!block.plugins?.['@n8n/community-nodes'] && !block.files?.some((pattern) => NODE_RULE_FILES.includes(pattern)),
);

export default [
	globalIgnores(['*', '!devkit/', '!test/', '!bench/', '!scripts/']),
	...generalBlocks,
	{
		files: ['**/*.ts'],
		rules: {
			'no-console': 'off',
			// Fakes and tests poke at loosely typed JSON; flag `any` without failing the run.
			'@typescript-eslint/no-explicit-any': 'warn',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
];
