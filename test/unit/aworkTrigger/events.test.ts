import type { INodePropertyOptions } from 'n8n-workflow';
import { AworkTrigger } from '../../../nodes/AworkTrigger/AworkTrigger.node';

const eventsProperty = new AworkTrigger().description.properties.find((property) => property.name === 'events')!;
const options = (eventsProperty.options ?? []) as INodePropertyOptions[];

describe('Awork Trigger event list', () => {
	it('offers awork\'s 35 workspace webhook events, each once', () => {
		const values = options.map((option) => String(option.value));
		expect(values).toHaveLength(35);
		expect(new Set(values).size).toBe(35);
		expect(values.every((value) => /^[a-z]+(_[a-z]+)+$/.test(value))).toBe(true);
	});

	it('says for every event when awork sends it', () => {
		const missing = options.filter((option) => typeof option.description !== 'string' || !/^When \S.{10,}[^.]$/.test(option.description));
		expect(missing.map((option) => option.value)).toEqual([]);
		// Each description is its own sentence, not the name repeated or copied between events.
		const descriptions = options.map((option) => option.description);
		expect(new Set(descriptions).size).toBe(options.length);
		expect(options.filter((option) => option.description!.toLowerCase() === option.name.toLowerCase())).toEqual([]);
	});

	it('describes each event in terms of what its name says happened', () => {
		const verbs: Record<string, RegExp> = { added: /created|added|entered|tracked|comments|assigned/, deleted: /deleted|removed|no longer/, updated: /change/, changed: /change|another|moves|deactivated/ };
		const wrong = options.filter((option) => {
			const verb = String(option.value).split('_').at(-1)!;
			return !verbs[verb]?.test(option.description!);
		});
		expect(wrong.map((option) => `${option.value}: ${option.description}`)).toEqual([]);
	});
});
