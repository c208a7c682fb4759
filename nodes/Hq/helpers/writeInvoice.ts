/**
 * Writing positions into an HQ invoice exactly once. HQ has no idempotency key, so each invoice
 * carries the reference of its time entries (invoiceReferenceOf) in its note, written before
 * the positions: a replay finds the invoice by it and writes only the lines it does not hold yet.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { invoiceReferenceOf, plannedReferenceOf, type InvoiceLine } from '../../shared/billing/invoiceLine';
import { asOperationError, errorItem } from '../../shared/operations';
import { callHq, createdIdOf, hqAnswerError } from '../transport';
import {
	carriesReference,
	documentPositions,
	getDocument,
	invoiceStatuses,
	invoiceSummary,
	isDraft,
	scanInvoicesOfContact,
	statusOf,
	writeReference,
} from './documents';
import { postFreeTextPosition, type PositionTarget } from './positionTable';
import { freeTextPosition, linesMissingFrom, matchLines, readLines, type PositionSettings, type ReadLine } from './positions';

export interface WrittenInvoice {
	document: IDataObject;
	created: boolean;
	positionsWritten: number;
	/** Lines the invoice already held (a replay). */
	positionsFound: number;
	/** Lines a draft found under a planned reference lacks: not written, their entries not billed. */
	linesNotInDraft?: InvoiceLine[];
}

/** Posts each line as a free-text position, in order. */
async function postPositions(ctx: IExecuteFunctions, documentId: string, lines: ReadLine[], settings: PositionSettings): Promise<void> {
	const target: PositionTarget = { documentId };
	for (const { line } of lines) await postFreeTextPosition(ctx, target, freeTextPosition(documentId, line, settings));
}

/**
 * Writes the lines the document does not hold yet; on a first write, all of them. When the
 * entries changed since the reference was planned (some billed or deleted by hand), a missing
 * line may be a sum whose entries the draft already bills in another line: nothing is written
 * then, and the missing lines are reported instead of billed.
 */
async function completePositions(
	ctx: IExecuteFunctions,
	documentId: string,
	lines: ReadLine[],
	settings: PositionSettings,
	replay: boolean,
	entriesChanged = false,
	ownDraft = false,
) {
	let missing = lines;
	if (replay) {
		const existing = await documentPositions(ctx, documentId);
		const match = matchLines(existing, lines.map((read) => read.line), documentId, settings);
		const missingLines = new Set(match.missing);
		missing = lines.filter((read) => missingLines.has(read.line));
		// In a draft made from these lines, a position no line explains is one of them as it was
		// before an entry changed (longer, shorter, retexted): writing the new line would bill it twice.
		const changedSinceWritten = ownDraft && match.unexplained.length > 0;
		if (entriesChanged || changedSinceWritten) {
			return { positionsWritten: 0, positionsFound: lines.length - missing.length, linesNotInDraft: missing.map((read) => read.line) };
		}
	}
	await postPositions(ctx, documentId, missing, settings);
	return { positionsWritten: missing.length, positionsFound: lines.length - missing.length };
}

function refuseNonDraft(ctx: IExecuteFunctions, document: IDataObject, statusType: string | null, what: string): never {
	throw hqAnswerError(
		ctx,
		`HQ invoice ${String(document.id)} is ${statusType ?? 'in an unknown status'}, not a draft: ${what}`,
		'Positions are added to drafts only. Check the invoice in HQ; for a new draft, use Create Draft from Positions.',
	);
}

/**
 * Finds the draft with this reference, or creates it, and completes its positions. A draft with
 * the same head, no note and no positions is the one a run made before it died (between the POST
 * and the note): it is taken instead of making another.
 */
export async function createDraftInvoice(
	ctx: IExecuteFunctions,
	companyId: string,
	head: IDataObject,
	lines: ReadLine[],
	reference: string,
	settings: PositionSettings,
	entriesChanged = false,
): Promise<WrittenInvoice> {
	const { byReference: found, emptyTwins } = await scanInvoicesOfContact(ctx, companyId, reference, head);
	if (found) {
		const statuses = await invoiceStatuses(ctx);
		const status = statusOf(found, statuses);
		const documentId = String(found.id);
		if (!isDraft(status)) {
			const missing = linesMissingFrom(await documentPositions(ctx, documentId), lines.map((read) => read.line), documentId, settings);
			if (missing.length) refuseNonDraft(ctx, found, status?.type ?? null, `it carries reference ${reference} but lacks ${missing.length} of its positions`);
			return { document: found, created: false, positionsWritten: 0, positionsFound: lines.length };
		}
		return { document: found, created: false, ...(await completePositions(ctx, documentId, lines, settings, true, entriesChanged, true)) };
	}
	const statuses = emptyTwins.length ? await invoiceStatuses(ctx) : new Map();
	for (const twin of emptyTwins) {
		if (!isDraft(statusOf(twin, statuses)) || (await documentPositions(ctx, String(twin.id))).length > 0) continue;
		await writeReference(ctx, twin, reference);
		return { document: twin, created: false, ...(await completePositions(ctx, String(twin.id), lines, settings, false)) };
	}
	const answer = await callHq(ctx, { endpoint: 'createDocument', body: head });
	const documentId = createdIdOf(answer);
	if (!documentId) {
		throw hqAnswerError(
			ctx,
			'HQ created the invoice but its answer names no ID (no id in the body, no Location header)',
			'The draft exists in HQ without its reference and positions; the next run takes it over if nothing changed it. See docs/billing/hq.md on how HQ answers writes.',
		);
	}
	// The reference goes in before any position: from here on a replay finds this draft.
	await writeReference(ctx, await getDocument(ctx, documentId), reference);
	const written = await completePositions(ctx, documentId, lines, settings, false);
	return { document: { id: documentId }, created: true, ...written };
}

/** Adds the lines to an existing draft; a replay of the same lines adds only what is missing. */
export async function addPositionsToDraft(
	ctx: IExecuteFunctions,
	documentId: string,
	lines: ReadLine[],
	reference: string,
	settings: PositionSettings,
	entriesChanged = false,
): Promise<WrittenInvoice> {
	const document = await getDocument(ctx, documentId);
	const status = statusOf(document, await invoiceStatuses(ctx));
	if (!isDraft(status)) refuseNonDraft(ctx, document, status?.type ?? null, 'HQ does not take new positions on it');
	const replay = carriesReference(document, reference);
	if (!replay) await writeReference(ctx, document, reference);
	return { document, created: false, ...(await completePositions(ctx, documentId, lines, settings, replay, replay && entriesChanged)) };
}

/**
 * The batch around a write: reads every item as a line, groups the lines by their target (the
 * contact, or the draft), writes each group into one invoice and outputs one item per invoice,
 * paired with its lines' items. Under Continue On Fail, unreadable items and, when a write fails,
 * every item of that group come out as error items (never billed).
 */
export async function writeInvoiceBatch(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	targetOf: (itemIndex: number) => string,
	write: (target: string, lines: ReadLine[], reference: string, firstItemIndex: number, entriesChanged: boolean) => Promise<WrittenInvoice>,
): Promise<INodeExecutionData[][]> {
	const reads = readLines(ctx, items, targetOf);
	const output: INodeExecutionData[] = reads.failed.map(({ itemIndex, error }) => errorItem(error, itemIndex, items[itemIndex]));
	const groups = new Map<string, { itemIndexes: number[]; lines: ReadLine[] }>();
	for (const { itemIndex, value } of reads.ok) {
		const group = groups.get(value.target) ?? { itemIndexes: [], lines: [] };
		group.itemIndexes.push(itemIndex);
		group.lines.push(value);
		groups.set(value.target, group);
	}
	for (const [target, { itemIndexes, lines }] of groups) {
		try {
			const referenceField = String(ctx.getNodeParameter('positionSettings.referenceField', itemIndexes[0], ''));
			const ownReference = invoiceReferenceOf(lines.map((read) => read.line));
			const reference = plannedReferenceOf(itemIndexes.map((index) => items[index].json), referenceField) ?? ownReference;
			const written = await write(target, lines, reference, itemIndexes[0], reference !== ownReference);
			// Only entries whose positions the draft holds are billed.
			const notInDraft = new Set((written.linesNotInDraft ?? []).flatMap((line) => line.timeEntryIds));
			const document = await getDocument(ctx, String(written.document.id));
			const summary = await invoiceSummary(ctx, document, await invoiceStatuses(ctx));
			output.push({
				json: {
					...summary,
					reference,
					created: written.created,
					timeEntryIds: [...new Set(lines.flatMap((read) => read.line.timeEntryIds))].filter((id) => !notInDraft.has(id)).sort(),
					...(notInDraft.size ? { timeEntryIdsNotInDraft: [...notInDraft].sort() } : {}),
					positionsWritten: written.positionsWritten,
					positionsFound: written.positionsFound,
				},
				pairedItem: itemIndexes.map((item) => ({ item })),
			});
		} catch (error) {
			if (!ctx.continueOnFail()) throw asOperationError(ctx.getNode(), error, itemIndexes[0]);
			for (const itemIndex of itemIndexes) output.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	return [output];
}

/** A day as HQ's date-time fields take it (`…Date` fields are local dates [docs]). */
export function hqDate(day: string): string {
	return `${day}T00:00:00`;
}

/** The performance period of the lines: first start to last end, else the invoice date. */
export function performancePeriod(lines: ReadLine[], invoiceDay: string): { start: string; end: string } {
	const starts = lines.map((read) => read.from).filter((day): day is string => !!day).sort();
	const ends = lines.map((read) => read.to).filter((day): day is string => !!day).sort();
	return { start: starts[0] ?? invoiceDay, end: ends[ends.length - 1] ?? starts[starts.length - 1] ?? invoiceDay };
}
