/**
 * Time Entry > To Invoice Positions: turns the time entries on the input (e.g. from Get Many) into
 * invoice positions. No requests: awork's time entries carry the project, task, user and type of
 * work names. Every position lists the time entry IDs it covers and pairs with their items.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { errorItem } from '../../../shared/operations';
import { forOperation } from '../../descriptions';
import { buildPositions, type CoveredEntry, type Position, type PositionSettings } from '../../helpers/timeEntry/positions/buildPositions';
import { readCompleteTimeEntry } from '../../../shared/billing/billingRecord';
import type { RateRow } from '../../helpers/timeEntry/positions/rates';
import { positionProperties } from '../../descriptions/invoicePositions';

/** Keeps an ID given to a position earlier (e.g. planned before it was booked), so a retry books it under the same ID. */
const positionIdField: INodeProperties = {
	displayName: 'Position ID From Field',
	name: 'positionIdField',
	type: 'string',
	default: '',
	placeholder: 'e.g. plannedPosition.externalId',
	description:
		'Field (a dot path) of the time entries holding an ID their position already has. When every entry of a position holds the same ID there, the position keeps it as positionId; otherwise positionId is made from its entry IDs.',
};

export const description = forOperation(
	'timeEntry',
	'toInvoicePositions',
	positionProperties.map((property) =>
		property.name === 'positionOptions' ? { ...property, options: [...(property.options ?? []), positionIdField] } : property,
	),
);

function finiteNumber(this: IExecuteFunctions, value: unknown, field: string, minimum: number, exclusive = false): number {
	const parsed = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(parsed) || parsed < minimum || (exclusive && parsed === minimum)) {
		throw new NodeOperationError(this.getNode(), `${field}: "${String(value)}" must be a number ${exclusive ? 'above' : 'of at least'} ${minimum}`);
	}
	return parsed;
}

function readSettings(this: IExecuteFunctions): PositionSettings {
	const level = this.getNodeParameter('positionLevel', 0) as PositionSettings['level'];
	const groupKey = level === 'key' ? String(this.getNodeParameter('positionGroupKey', 0, '')).trim() : '';
	if (level === 'key' && !groupKey) {
		throw new NodeOperationError(this.getNode(), 'Group By Field: enter the field path to group by, e.g. typeOfWork.name');
	}
	const text = this.getNodeParameter('positionText', 0) as PositionSettings['text'];
	const unit = this.getNodeParameter('positionUnit', 0) as PositionSettings['unit'];
	const rule = this.getNodeParameter('roundingRule', 0) as PositionSettings['rounding']['rule'];
	const rateTable = this.getNodeParameter('rateTable', 0, {}) as { rate?: IDataObject[] };
	const rates: RateRow[] = (rateTable.rate ?? []).map((row, index) => {
		const value = String(row.value ?? '').trim();
		if (!value) throw new NodeOperationError(this.getNode(), `Rate Table, row ${index + 1}: "Project, Type of Work or User" is empty`);
		return { matchBy: row.matchBy as RateRow['matchBy'], value, rate: finiteNumber.call(this, row.rate, `Rate Table, row ${index + 1}: Rate`, 0) };
	});
	return {
		level,
		groupKey,
		text,
		template: text === 'template' ? String(this.getNodeParameter('positionTemplate', 0, '')) : '',
		unit,
		hoursPerDay: unit === 'days' ? finiteNumber.call(this, this.getNodeParameter('hoursPerDay', 0, 8), 'Hours per Day', 0, true) : 8,
		rates,
		defaultRate: finiteNumber.call(this, this.getNodeParameter('defaultRate', 0, 0), 'Default Rate', 0),
		rounding: {
			rule,
			stepSeconds: rule === 'none' ? 0 : Math.round(60 * finiteNumber.call(this, this.getNodeParameter('roundingStepMinutes', 0, 15), 'Rounding Step (Minutes)', 0, true)),
			per: rule === 'none' ? 'entry' : (this.getNodeParameter('roundingPer', 0, 'entry') as 'entry' | 'position'),
		},
	};
}

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const settings = readSettings.call(this);
	settings.idField = String(this.getNodeParameter('positionOptions.positionIdField', 0, '')).trim() || undefined;
	const skipNonBillable = this.getNodeParameter('positionOptions.skipNonBillable', 0, true) as boolean;
	const errors: INodeExecutionData[] = [];
	const byId = new Map<string, CoveredEntry>();
	items.forEach((item, itemIndex) => {
		const facts = readCompleteTimeEntry(item.json);
		if (typeof facts === 'string') {
			const error = new NodeOperationError(this.getNode(), `Input item ${itemIndex} is not an awork time entry: ${facts}`, {
				itemIndex,
				description: 'Connect this node after Time Entry > Get Many (or Get), which outputs awork time entries.',
			});
			if (!this.continueOnFail()) throw error;
			errors.push(errorItem(error, itemIndex, item));
			return;
		}
		if (skipNonBillable && !facts.isBillable) return;
		const known = byId.get(facts.id);
		if (known) known.itemIndexes.push(itemIndex);
		else byId.set(facts.id, { facts, itemIndexes: [itemIndex] });
	});
	const built = buildPositions([...byId.values()], settings);
	if (this.getNodeParameter('positionOptions.output', 0, 'positions') === 'entries') {
		return [[...entriesWithPosition(items, built, errors), ...errors]];
	}
	const positions = built.map((position) => ({
		json: position.json,
		pairedItem: position.itemIndexes.map((item) => ({ item })),
	}));
	return [[...positions, ...errors]];
}

/** Output "time entries, each with its position": every input item in input order, failed ones left to `errors`. */
function entriesWithPosition(items: INodeExecutionData[], positions: Position[], errors: INodeExecutionData[]): INodeExecutionData[] {
	const positionOfItem = new Map<number, IDataObject>();
	for (const position of positions) {
		const summary = { ...position.json };
		delete summary.timeEntryIds;
		for (const itemIndex of position.itemIndexes) positionOfItem.set(itemIndex, summary);
	}
	const failed = new Set(errors.map((error) => (error.pairedItem as { item: number }).item));
	return items.flatMap((item, itemIndex) =>
		failed.has(itemIndex) ? [] : [{ json: { ...item.json, invoicePosition: positionOfItem.get(itemIndex) ?? null }, pairedItem: { item: itemIndex } }],
	);
}
