/**
 * Billing record (an awork time entry, or an invoice position) -> PSA time entry. The mapping is
 * written down in docs/onepsa-api.md; every field can be overridden per item under "Entry Fields".
 */
import type { IDataObject } from 'n8n-workflow';
import type { BillingRecord } from '../../../shared/billing/billingRecord';
import { roundHours, roundTo } from '../../../shared/billing/fields';
import { locatorValue } from '../../../shared/operations';

export interface PsaTimeEntry extends IDataObject {
	externalId: string;
	date: string;
	hours: number;
	description: string;
	billable: boolean;
	rate?: number;
	ticketId?: string;
	userName?: string;
	userEmail?: string;
}

/** Values from "Entry Fields"; empty strings mean "take it from the awork time entry". */
export interface EntryOverrides {
	externalId?: string;
	date?: string;
	hours?: number | string;
	description?: string;
	billable?: boolean | string;
	rate?: number | string;
	/** A ticket picker's value, or a plain ID as saved before the field was one. */
	ticketId?: string | { value?: unknown };
	userName?: string;
	userEmail?: string;
}

export type Mapped =
	| { entry: PsaTimeEntry; problem?: undefined; roundedUpFromSeconds?: number }
	| { entry?: undefined; problem: string; roundedUpFromSeconds?: undefined };

/** What to do with an entry too short for the hours' precision (under 18 s at 2 decimals). */
export type BelowPrecision = 'roundUp' | 'fail';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

function text(value: unknown): string | undefined {
	return given(value) ? String(value).trim() : undefined;
}

/** The PSA entry for a billing record (a time entry or an invoice position), with Entry Fields over it. */
export function mapToPsaEntry(
	record: BillingRecord,
	overrides: EntryOverrides,
	hoursDecimals: number,
	belowPrecision: BelowPrecision = 'roundUp',
): Mapped {
	const externalId = text(overrides.externalId) ?? record.id ?? undefined;
	if (!externalId) {
		return { problem: `No external ID: the item has no "${record.kind === 'position' ? 'positionId' : 'id'}" and "External ID" is empty` };
	}

	const rawDate = text(overrides.date) ?? record.dateText ?? undefined;
	const date = rawDate?.slice(0, 10);
	if (!date || !DATE.test(date)) {
		return { problem: `No usable date (got "${rawDate ?? ''}"); expected startDateLocal/startDateUtc or "Date" as YYYY-MM-DD` };
	}

	let hours: number;
	let roundedUpFromSeconds: number | undefined;
	if (given(overrides.hours)) {
		hours = roundTo(Number(overrides.hours), hoursDecimals);
	} else {
		const seconds = record.seconds ?? Number.NaN;
		hours = roundHours(seconds, hoursDecimals);
		// Tracked time the PSA's precision would turn into nothing: book its smallest unit, so the
		// entry is settled once instead of failing in every run.
		if (hours === 0 && seconds > 0) {
			if (belowPrecision === 'fail') {
				return { problem: `The entry's ${seconds} seconds round to 0 hours at ${hoursDecimals} decimals (below the PSA's precision)` };
			}
			hours = 1 / 10 ** hoursDecimals;
			roundedUpFromSeconds = seconds;
		}
	}
	if (!Number.isFinite(hours) || hours <= 0) {
		const given = record.kind === 'position' ? record.raw.seconds : record.raw.duration;
		return { problem: `Hours must be more than 0 (duration ${String(given ?? 'missing')} seconds gives ${hours})` };
	}

	const userName = text(overrides.userName) ?? record.userName ?? undefined;
	const entry: PsaTimeEntry = {
		externalId,
		date,
		hours,
		description: text(overrides.description) ?? record.text ?? '',
		billable: given(overrides.billable)
			? overrides.billable === true || String(overrides.billable).toLowerCase() === 'true'
			: record.isBillable,
	};
	if (userName) entry.userName = userName;
	if (text(overrides.userEmail)) entry.userEmail = text(overrides.userEmail);
	const ticketId = text(locatorValue(overrides.ticketId));
	if (ticketId) entry.ticketId = ticketId;
	if (given(overrides.rate)) {
		const rate = Number(overrides.rate);
		if (!Number.isFinite(rate) || rate < 0) return { problem: `Rate "${String(overrides.rate)}" is not a number of 0 or more` };
		entry.rate = rate;
	}
	return roundedUpFromSeconds === undefined ? { entry } : { entry, roundedUpFromSeconds };
}
