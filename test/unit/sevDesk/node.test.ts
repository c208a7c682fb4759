import type { INodeProperties } from 'n8n-workflow';
import { SevDesk } from '../../../nodes/SevDesk/SevDesk.node';

describe('sevDesk node description', () => {
	const { description } = new SevDesk();

	it('is named as the three billing nodes agreed, with its own credential', () => {
		expect([description.name, description.displayName, description.credentials]).toEqual(['sevDesk', 'sevDesk', [{ name: 'sevDeskPsaApi', required: true }]]);
	});

	it('offers each resource\'s operations, and every parameter of an operation shows for it alone', () => {
		const selectors = description.properties.filter((property) => property.name === 'operation');
		expect(Object.fromEntries(selectors.map((selector) => [selector.displayOptions!.show!.resource![0], (selector.options as Array<{ value: string }>).map((option) => option.value)]))).toEqual({
			contact: ['get', 'search'],
			invoice: ['addPositions', 'createDraft', 'get', 'getMany'],
		});
		const shown = (property: INodeProperties) => `${String(property.displayOptions?.show?.resource)}/${String(property.displayOptions?.show?.operation)}/${property.name}`;
		const parameters = description.properties.filter((property) => !['resource', 'operation'].includes(property.name));
		expect(parameters.every((property) => property.displayOptions?.show?.operation?.length === 1)).toBe(true);
		expect(new Set(parameters.map(shown)).size).toBe(parameters.length);
	});
});
