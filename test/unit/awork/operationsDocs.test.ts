/**
 * The README's operations table and docs/awork-parity.md name the awork node's operations as the
 * editor shows them; these checks fail when an operation is added, renamed or removed and the
 * docs are not.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodePropertyOptions } from 'n8n-workflow';
import { Awork } from '../../../nodes/Awork/Awork.node';

const root = join(__dirname, '..', '..', '..');
const properties = new Awork().description.properties;
const resources = (properties.find((property) => property.name === 'resource')!.options ?? []) as INodePropertyOptions[];

/** "Resource → Operation" for every operation the editor offers (hidden moved-away aliases left out). */
function offered(): string[] {
	return resources.flatMap((resource) => {
		const selector = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value));
		return ((selector?.options ?? []) as INodePropertyOptions[])
			.filter((operation) => !operation.displayOptions)
			.map((operation) => `${resource.name} → ${operation.name}`);
	});
}

describe('awork operations in the docs', () => {
	it('README lists each offered operation exactly once in the Awork table', () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('### Awork\n'), readme.indexOf('### Awork Trigger'));
		const rows = section
			.split('\n')
			.filter((line) => /^\| [A-Z]/.test(line) && !line.startsWith('| resource'))
			.map((line) => line.split('|').map((cell) => cell.trim().replace(/\*\*/g, '')))
			.map((cells) => `${cells[1]} → ${cells[2]}`);
		expect(offered().length).toBeGreaterThan(50);
		expect([...rows].sort()).toEqual([...offered()].sort());
	});

	it('docs/awork-parity.md names only operations the node offers', () => {
		const parity = readFileSync(join(root, 'docs', 'awork-parity.md'), 'utf8');
		const known = new Set(offered());
		const here = parity
			.split('\n')
			.filter((line) => line.startsWith('| ') && !line.startsWith('| official'))
			.map((line) => line.split('|')[2].trim())
			.filter((cell) => cell && cell !== 'not here' && !cell.startsWith('---'));
		const named = here.flatMap((cell) => [...cell.matchAll(/(?:^|, )([A-Z][A-Za-z ]+?) → ([A-Z][A-Za-z ]+?)(?= \(|,|;|$)/g)].map((match) => `${match[1]} → ${match[2]}`));
		expect(named.length).toBeGreaterThan(40);
		expect(named.filter((name) => !known.has(name) && !name.startsWith('Awork Trigger'))).toEqual([]);
	});
});
