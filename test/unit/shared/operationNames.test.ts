/**
 * Resource and operation names are typed per node: a misspelt one fails `npm run typecheck`
 * (each `@ts-expect-error` below must meet an error, or the typecheck fails instead), and the
 * helpers still build what n8n needs when the names are right.
 */
import { forOperation as aworkForOperation, operationSelector as aworkOperationSelector } from '../../../nodes/Awork/descriptions';
import { forOperation as onePsaForOperation } from '../../../nodes/OnePsa/descriptions';

describe('typed resource and operation names', () => {
	it('shows a parameter for a resource and operation that exist', () => {
		const [shown] = aworkForOperation('timeEntry', 'markBilled', [{ displayName: 'X', name: 'x', type: 'string', default: '' }]);
		expect(shown.displayOptions).toEqual({ show: { resource: ['timeEntry'], operation: ['markBilled'] } });
		expect(onePsaForOperation('timeEntry', 'exportToContract', [])).toEqual([]);
	});
});

/** Never run: `npm run typecheck` checks that each misspelt name below is a compile error. */
export function misspeltNamesDoNotCompile(): void {
	// @ts-expect-error -- 'getManyy' is no operation of timeEntry
	aworkForOperation('timeEntry', 'getManyy', []);
	// @ts-expect-error -- 'timeEntries' is no resource of the awork node
	aworkForOperation('timeEntries', 'getMany', []);
	// @ts-expect-error -- an option value that is no operation of the resource
	aworkOperationSelector('task', 'get', [{ name: 'Nope', value: 'nope' }]);
	// @ts-expect-error -- exportToContract belongs to timeEntry, not to ticket
	onePsaForOperation('ticket', 'exportToContract', []);
}
