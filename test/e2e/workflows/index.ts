import path from 'node:path';

/** Path of a test workflow kept in this folder (the shipped ones are in workflows/ at the root). */
export function testWorkflow(file: string): string {
	return path.join(__dirname, file);
}
