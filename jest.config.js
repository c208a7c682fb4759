const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }];

module.exports = {
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			// Real n8n: install/pack once, longer timeouts, n8n log tails printed on failure.
			testEnvironment: '<rootDir>/devkit/n8n/jest/environment.ts',
			globalSetup: '<rootDir>/devkit/n8n/jest/globalSetup.ts',
			// Kills the n8n servers a test file left running (devkit/n8n/leftovers.ts).
			globalTeardown: '<rootDir>/devkit/n8n/jest/globalTeardown.ts',
			setupFilesAfterEnv: ['<rootDir>/devkit/n8n/jest/setup.ts'],
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
		},
		{
			displayName: 'faults',
			// The fault suite: real n8n like e2e (same harness), run with `npm run test:faults`.
			testEnvironment: '<rootDir>/devkit/n8n/jest/environment.ts',
			globalSetup: '<rootDir>/devkit/n8n/jest/globalSetup.ts',
			globalTeardown: '<rootDir>/devkit/n8n/jest/globalTeardown.ts',
			setupFilesAfterEnv: ['<rootDir>/devkit/n8n/jest/setup.ts', '<rootDir>/test/faults/support/timeout.ts'],
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
		},
		{
			displayName: 'queue',
			// n8n in queue mode (Postgres, Redis, main + 2 workers), run with `npm run test:queue`.
			testEnvironment: '<rootDir>/devkit/n8n/jest/environment.ts',
			globalSetup: '<rootDir>/devkit/n8n/queue/jest/globalSetup.ts',
			globalTeardown: '<rootDir>/devkit/n8n/jest/globalTeardown.ts',
			setupFilesAfterEnv: ['<rootDir>/devkit/n8n/jest/setup.ts'],
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
		},
	],
};
