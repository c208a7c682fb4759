/**
 * What the node reads from the sevDesk account once per run: the bookkeeping version (which tax
 * model applies), the hour and day units and the default contact person.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { asOperationError } from '../../shared/operations';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import type { InvoiceUnit } from '../../shared/billing/invoiceLine';
import { callSevDesk, fetchAll, FALLBACK_UNIT_IDS, UNIT_MATCHERS } from '../transport';

export type BookkeepingVersion = '1.0' | '2.0';

/** GET /Tools/bookkeepingSystemVersion [docs]; anything but "1.0" counts as 2.0 (all accounts since 2024). */
export const bookkeepingVersion = oncePerNodeRun(async (ctx: IExecuteFunctions): Promise<BookkeepingVersion> => {
	const answer = await callSevDesk<{ objects?: { version?: unknown } }>(ctx, { endpoint: 'bookkeepingSystemVersion' });
	return String(answer.body?.objects?.version ?? '') === '1.0' ? '1.0' : '2.0';
});

export interface UnitIds {
	hours: number;
	days: number;
	/** Where each came from, for the output. */
	source: Record<InvoiceUnit, 'account' | 'fallback' | 'setting'>;
}

function matches(unit: IDataObject, kind: InvoiceUnit): boolean {
	const matcher = UNIT_MATCHERS[kind];
	const code = String(unit.translationCode ?? '').toUpperCase();
	const unece = String(unit.uneceTradeUnitCode ?? '').toUpperCase();
	const name = String(unit.name ?? '').trim().toLowerCase();
	return (matcher.translationCodes as readonly string[]).includes(code) || (matcher.unece as readonly string[]).includes(unece) || (matcher.names as readonly string[]).includes(name);
}

/** GET /Unity once per run; hour and day by code or name, else 9 and 12 [sdk]. A 404 (no such endpoint) falls back too. */
const accountUnits = oncePerNodeRun(async (ctx: IExecuteFunctions): Promise<IDataObject[] | null> => {
	try {
		return await fetchAll<IDataObject>(ctx, { endpoint: 'listUnits' });
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return null;
		throw asOperationError(ctx.getNode(), error);
	}
});

export async function unitIds(ctx: IExecuteFunctions, settings: { hourUnitId: number; dayUnitId: number }): Promise<UnitIds> {
	const result: UnitIds = { hours: FALLBACK_UNIT_IDS.hours, days: FALLBACK_UNIT_IDS.days, source: { hours: 'fallback', days: 'fallback' } };
	const wanted: Record<InvoiceUnit, number> = { hours: settings.hourUnitId, days: settings.dayUnitId };
	const needLookup = !(wanted.hours > 0 && wanted.days > 0);
	const units = needLookup ? await accountUnits(ctx) : null;
	for (const kind of ['hours', 'days'] as const) {
		if (wanted[kind] > 0) {
			result[kind] = wanted[kind];
			result.source[kind] = 'setting';
			continue;
		}
		const found = units?.find((unit) => matches(unit, kind));
		const id = Number(found?.id);
		if (found && Number.isInteger(id)) {
			result[kind] = id;
			result.source[kind] = 'account';
		}
	}
	return result;
}

const firstUserId = oncePerNodeRun(async (ctx: IExecuteFunctions): Promise<number | null> => {
	const users = await fetchAll<IDataObject>(ctx, { endpoint: 'listUsers' }, 1);
	const id = Number(users[0]?.id);
	return Number.isInteger(id) ? id : null;
});

/** The sevDesk user an invoice names as contact person: the setting, else the account's first user [assumed]. */
export async function contactPersonId(ctx: IExecuteFunctions, setting: string, itemIndex: number): Promise<number> {
	const chosen = setting.trim();
	if (chosen) {
		if (!/^\d+$/.test(chosen)) {
			throw new NodeOperationError(ctx.getNode(), `"Contact Person ID" must be the numeric ID of a sevDesk user, got ${JSON.stringify(chosen)}`, { itemIndex });
		}
		return Number(chosen);
	}
	const id = await firstUserId(ctx);
	if (id === null) {
		throw new NodeOperationError(ctx.getNode(), 'sevDesk listed no user to name as the invoice\'s contact person', {
			description: 'Set "Contact Person ID" in the node\'s options to the ID of a sevDesk user.',
			itemIndex,
		});
	}
	return id;
}
