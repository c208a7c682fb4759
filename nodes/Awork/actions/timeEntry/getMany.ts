import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPages, aworkPath, PAGES_IN_FLIGHT } from '../../transport';
import { and, bool, datetime, eq, ge, guid, lt } from '../../transport/filter';
import { readLimit } from '../../../shared/operations';
import { collection, forOperation, optionalIdLocator, rawFilterOption, returnAllOrLimit } from '../../descriptions';
import { orderByOption } from '../../descriptions/orderBy';
import { optionalGuid, readOptionalId, readRawFilter } from '../../helpers/parameters';
import { CURSOR_AT_START, isAfterCursor, readCursorOption } from '../../helpers/timeEntry/readCursor';
import { entryStartMs, startOfUtcDay } from '../../helpers/timeEntry/startInstant';
import { SharedNested } from '../../helpers/timeEntry/sharedNested';
import { readTimeWindow } from '../../helpers/timeEntry/window';
import { readOrderBy } from '../../helpers/orderBy';

const yesNoAny = (what: string) => [
	{ name: 'Any', value: 'any' },
	{ name: `Only ${what}`, value: 'true' },
	{ name: `Only Not ${what}`, value: 'false' },
];

export const description = forOperation('timeEntry', 'getMany', [
	optionalIdLocator('projectId', 'Project', 'searchProjects', 'Only time entries of this project (read from the project’s own list)', { byUrl: true }),
	...returnAllOrLimit(),
	{
		displayName: 'Limit Counts Only Projects',
		name: 'limitCountsOnlyProjectIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.projectIds }} or ID1, ID2',
		description:
			'Project IDs whose entries count toward Limit. Entries of other projects are still returned, but reading goes on past them, so entries that cannot be processed (e.g. on projects without a contract) never crowd out the rest. Empty: every entry counts.',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: 'Keeps IDs, times, duration, note, the billing flags, and only ID and name of user, project (and its company), task and type of work',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Billable', name: 'isBillable', type: 'options', options: yesNoAny('Billable'), default: 'true' },
			{ displayName: 'Billed', name: 'isBilled', type: 'options', options: yesNoAny('Billed'), default: 'false' },
			rawFilterOption,
			{
				displayName: 'Read After',
				name: 'readAfter',
				type: 'string',
				default: '',
				placeholder: `e.g. ${CURSOR_AT_START} or 2026-11-30T09:00:00Z|123e4567-e89b-12d3-a456-426614174000`,
				description:
					'Only entries after this one in the read order (startDateUtc, then ID), given as startDateUtc|ID of the last entry a capped read returned, so the next read goes on from there. Empty or "start": from the start.',
			},
			{
				displayName: 'Start Before',
				name: 'startBefore',
				type: 'dateTime',
				default: '',
				description: 'Only entries that started before this time (exclusive; without an offset, in the workflow’s time zone)',
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description: 'Only entries that started at or after this time (inclusive; without an offset, in the workflow’s time zone)',
			},
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only entries changed at or after this time',
			},
			optionalIdLocator('userId', 'User', 'searchUsers', 'Only time entries of this user'),
		],
	},
	collection('options', 'Options', 'Add Option', [orderByOption('startDateUtc desc')]),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// By name, so n8n takes the ID out of a pasted project link.
	const projectId = readOptionalId.call(this, 'projectId', 'Project', itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const window = readTimeWindow.call(this, filters.startFrom, filters.startBefore, itemIndex);
	const updated = readTimeWindow.call(this, filters.updatedSince, undefined, itemIndex, { from: 'Updated Since', to: '' }).from;
	const userId = optionalGuid.call(this, filters.userId, 'User', itemIndex);
	const fromMs = window.from?.toMillis();
	const toMs = window.to?.toMillis();
	const inWindow = (entry: unknown) => {
		const start = entryStartMs(entry as IDataObject);
		// An entry whose start cannot be read cannot be shown to be inside the window.
		if (start === undefined) return false;
		return (fromMs === undefined || start >= fromMs) && (toMs === undefined || start < toMs);
	};
	const cursor = readCursorOption.call(this, filters.readAfter, itemIndex);
	const orderBy = readOrderBy.call(this, (this.getNodeParameter('options', itemIndex, {}) as IDataObject).orderBy, itemIndex);
	if (orderBy && typeof filters.readAfter === 'string' && filters.readAfter.trim()) {
		throw new NodeOperationError(this.getNode(), 'Order By (Expert): cannot be combined with Read After, which reads in startDateUtc,id order', { itemIndex });
	}
	const flag = (name: string) => (filters[name] === 'true' || filters[name] === 'false' ? eq(name, bool(filters[name] === 'true')) : undefined);
	const filter = and(
		flag('isBillable'),
		flag('isBilled'),
		// Wide enough under both readings of startDateUtc (instant, or UTC date at midnight); the
		// exact window is applied to each entry's real start below.
		fromMs !== undefined ? ge('startDateUtc', datetime(new Date(startOfUtcDay(fromMs)))) : undefined,
		toMs !== undefined ? lt('startDateUtc', datetime(new Date(toMs))) : undefined,
		updated ? ge('updatedOn', datetime(updated.toJSDate())) : undefined,
		userId ? eq('userId', guid(userId)) : undefined,
		cursor ? ge('startDateUtc', datetime(new Date(cursor.startMs))) : undefined,
		readRawFilter.call(this, filters.rawFilter, itemIndex),
	);
	const countedProjects = readCountedProjects.call(this, itemIndex);
	const path = projectId ? aworkPath`/projects/${projectId}/timeentries` : '/timeentries';
	const shared = this.getNodeParameter('simple', itemIndex, true) ? new SharedNested() : undefined;
	const pages = aworkPages.call(this, path, {
		pagesInFlight: PAGES_IN_FLIGHT,
		filter,
		// A stable order keeps paging consistent while entries are added.
		orderBy: orderBy ?? 'startDateUtc,id',
		limit: readLimit(this, itemIndex),
		keep:
			fromMs !== undefined || toMs !== undefined || cursor
				? (entry) => (cursor === undefined || isAfterCursor(entry as IDataObject, cursor)) && (fromMs === undefined && toMs === undefined ? true : inWindow(entry))
				: undefined,
		counts: countedProjects ? (entry) => countedProjects.has(String((entry as IDataObject).projectId ?? '').toLowerCase()) : undefined,
		itemIndex,
	}) as AsyncGenerator<IDataObject[]>;
	const entries: IDataObject[] = [];
	// Simplified page by page: the full entries of a big read are dropped while it goes on.
	for await (const page of pages) for (const entry of page) entries.push(shared ? simplifyTimeEntry(entry, shared) : entry);
	return entries;
}

/** Limit Counts Only Projects: undefined when empty (all count); a list, even an empty one, otherwise. */
function readCountedProjects(this: IExecuteFunctions, itemIndex: number): Set<string> | undefined {
	if (readLimit(this, itemIndex) === undefined) return undefined;
	const value = this.getNodeParameter('limitCountsOnlyProjectIds', itemIndex, '') as unknown;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	const ids = Array.isArray(value) ? value : String(value).split(/[\s,]+/).filter(Boolean);
	return new Set(ids.map((id) => optionalGuid.call(this, id, 'Limit Counts Only Projects', itemIndex)).filter((id): id is string => id !== undefined));
}

const SIMPLE_FIELDS = [
	'id',
	'projectId',
	'taskId',
	'userId',
	'typeOfWorkId',
	'startDateUtc',
	'startTimeUtc',
	'endDateUtc',
	'endTimeUtc',
	'startDateLocal',
	'startTimeLocal',
	'endDateLocal',
	'endTimeLocal',
	'timezone',
	'duration',
	'note',
	'isBillable',
	'isBilled',
] as const;

/** ID and name of a nested object (and, for a project, of its company); null when absent. */
function idAndName(value: unknown, withCompany = false): IDataObject | null {
	if (!value || typeof value !== 'object') return null;
	const nested = value as IDataObject;
	const slim: IDataObject = { id: nested.id ?? null, name: nested.name ?? null };
	if (withCompany && nested.company !== undefined) slim.company = idAndName(nested.company);
	return slim;
}

/** What an export or invoice needs of a time entry (operation option "Simplify"). */
export function simplifyTimeEntry(entry: IDataObject, shared?: SharedNested): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS) if (entry[field] !== undefined) simple[field] = entry[field];
	const user = entry.user as IDataObject | undefined;
	const slimUser = user && typeof user === 'object' ? { id: user.id ?? null, firstName: user.firstName ?? null, lastName: user.lastName ?? null } : null;
	const nested = (kind: string, slim: IDataObject | null) => (shared ? shared.of(kind, slim) : slim);
	simple.user = nested('user', slimUser);
	simple.project = nested('project', idAndName(entry.project, true));
	simple.task = nested('task', idAndName(entry.task));
	simple.typeOfWork = nested('typeOfWork', idAndName(entry.typeOfWork));
	return simple;
}
