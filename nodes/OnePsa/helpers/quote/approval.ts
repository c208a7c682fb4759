/**
 * Reading a `quote.approved` webhook's `data`: every field checked for presence, type and size
 * (the problems name the field, e.g. `data.lines[2].hours`), and the fields the approval
 * workflow works with. Values keep the text the PSA sent (not trimmed) where they become
 * mapping IDs or the project's description, so approvals read before map to the same records.
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

export interface ApprovalProblem extends IDataObject {
	field: string;
	error: string;
}

export interface ApprovalLine extends IDataObject {
	/** As sent (as text): the line part of the task mapping's external ID `<quoteId>:<lineId>`. */
	id: string;
	title: string;
	description: string;
	hours: number;
	/** The task's match key in awork: found again by line, not by title. */
	matchKey: string;
}

export interface Approval extends IDataObject {
	quoteId: string;
	quoteNumber: string;
	title: string;
	/** '' when the approval has no link. */
	quoteUrl: string;
	/** '' when the quote names no contract. */
	contractId: string;
	/** The PSA company and the name its awork company gets; null when the quote names none usable. */
	company: { id: string; name: string } | null;
	projectKey: string;
	lines: ApprovalLine[];
}

const MAX_ID_LENGTH = 200;
const MAX_TITLE_LENGTH = 1000;
const MAX_PROJECT_NAME_LENGTH = 1000;
const MAX_URL_LENGTH = 2000;
const MAX_HOURS = 100_000;
const MAX_PROJECT_KEY_LENGTH = 32;

/** Text or a finite number, trimmed; null for anything else. */
function text(value: unknown): string | null {
	if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return String(value).trim();
	return null;
}

const has = (value: unknown) => value !== undefined && value !== null && value !== '';

function idProblem(field: string, value: unknown): ApprovalProblem | null {
	const asText = text(value);
	if (!has(value) || asText === '') return { field, error: `The approval has no ${field}` };
	if (asText === null) return { field, error: `The approval's ${field} must be text` };
	if (asText.length > MAX_ID_LENGTH) return { field, error: `The approval's ${field} is longer than ${MAX_ID_LENGTH} characters` };
	return null;
}

function numberProblem(number: unknown): ApprovalProblem | null {
	const problem = idProblem('data.number', number);
	if (problem) return problem;
	if (/[A-Za-z0-9]/.test(text(number) as string)) return null;
	return { field: 'data.number', error: "The approval's data.number has no letter or digit, so it cannot give a project key" };
}

function titleProblem(data: IDataObject): ApprovalProblem | null {
	const title = text(data.title);
	if (!has(data.title) || title === '') return { field: 'data.title', error: 'The approval has no data.title' };
	if (title === null) return { field: 'data.title', error: "The approval's data.title must be text" };
	if (has(data.companyName) && text(data.companyName) === null) return null; // named under data.companyName
	if (`${title} - ${text(data.companyName) ?? ''}`.length > MAX_PROJECT_NAME_LENGTH) {
		return {
			field: 'data.title',
			error: `The approval's data.title is too long: the project name (title - company) may have at most ${MAX_PROJECT_NAME_LENGTH} characters`,
		};
	}
	return null;
}

function lineProblem(line: unknown, index: number): ApprovalProblem | null {
	const at = `data.lines[${index}]`;
	if (!line || typeof line !== 'object' || Array.isArray(line)) {
		return { field: at, error: `The approval's ${at} must be an object with id and title` };
	}
	const { id, title, hours, description } = line as IDataObject;
	const idIssue = idProblem(`${at}.id`, id);
	if (idIssue) return idIssue;
	if (!has(title) || text(title) === '') return { field: `${at}.title`, error: `The approval has no ${at}.title` };
	if (text(title) === null || (text(title) as string).length > MAX_TITLE_LENGTH) {
		return { field: `${at}.title`, error: `The approval's ${at}.title must be text of at most ${MAX_TITLE_LENGTH} characters` };
	}
	// As before: anything Number() reads as 0..100000 hours, except true and false.
	const hoursValue = Number(hours);
	if (has(hours) && (typeof hours === 'boolean' || !Number.isFinite(hoursValue) || hoursValue < 0 || hoursValue > MAX_HOURS)) {
		return { field: `${at}.hours`, error: `The approval's ${at}.hours must be a number of hours, 0 or more` };
	}
	if (has(description) && text(description) === null) {
		return { field: `${at}.description`, error: `The approval's ${at}.description must be text` };
	}
	return null;
}

function linesProblems(lines: unknown, maxLines: number): ApprovalProblem[] {
	if (!has(lines)) return [];
	if (!Array.isArray(lines)) return [{ field: 'data.lines', error: "The approval's data.lines must be a list" }];
	if (lines.length > maxLines) return [{ field: 'data.lines', error: `The approval has more than ${maxLines} lines in data.lines` }];
	return lines.map(lineProblem).filter((problem): problem is ApprovalProblem => problem !== null);
}

/**
 * Every problem of the approval, at most one per field (and per line), in the order the fields
 * are checked: quoteId, number, title, companyName, contractId, url, lines. Empty when it is valid.
 */
export function approvalProblems(data: IDataObject, maxLines: number): ApprovalProblem[] {
	const problems: Array<ApprovalProblem | null> = [
		idProblem('data.quoteId', data.quoteId),
		numberProblem(data.number),
		titleProblem(data),
		has(data.companyName) && text(data.companyName) === null
			? { field: 'data.companyName', error: "The approval's data.companyName must be text" }
			: null,
		has(data.contractId) && (text(data.contractId) === null || (text(data.contractId) as string).length > MAX_ID_LENGTH)
			? { field: 'data.contractId', error: `The approval's data.contractId must be text of at most ${MAX_ID_LENGTH} characters` }
			: null,
		has(data.url) && !(typeof data.url === 'string' && /^https?:\/\/[^\s]+$/i.test(data.url) && data.url.length <= MAX_URL_LENGTH)
			? { field: 'data.url', error: "The approval's data.url must be an http(s) link" }
			: null,
	];
	return [...problems.filter((problem): problem is ApprovalProblem => problem !== null), ...linesProblems(data.lines, maxLines)];
}

const cleanForKey = (value: string) =>
	value
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/**
 * `<PREFIX>-<number>` when the quote number is already made of upper-case letters, digits and
 * single dashes and the key fits awork's 32 characters; otherwise the cleaned key cut to 23
 * characters plus 8 of an MD5 of the exact number, so two numbers never share a key.
 */
export function projectKeyOf(prefix: string, quoteNumber: string): string {
	const cleanNumber = cleanForKey(quoteNumber);
	const key = `${cleanForKey(prefix)}-${cleanNumber}`;
	if (cleanNumber === quoteNumber && key.length <= MAX_PROJECT_KEY_LENGTH) return key;
	const hash = createHash('md5').update(`${cleanForKey(prefix)}-${quoteNumber}`, 'utf8').digest('hex');
	return `${key.slice(0, 23)}-${hash.slice(0, 8).toUpperCase()}`;
}

/** `psa-line:<id>` for plain IDs, else `psa-line#` plus 32 hex characters of its SHA-256. */
export function lineMatchKey(lineId: string): string {
	const id = lineId.trim();
	if (/^[A-Za-z0-9_.:#/-]{1,150}$/.test(id)) return `psa-line:${id}`;
	return `psa-line#${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 32)}`;
}

/** The company of the approval, if its companyId is usable; named by companyName, else by the ID. */
function companyOf(data: IDataObject): Approval['company'] {
	const { companyId, companyName } = data;
	if (!(typeof companyId === 'string' || typeof companyId === 'number')) return null;
	const id = String(companyId).trim();
	if (id === '' || String(companyId).length > MAX_ID_LENGTH) return null;
	const name = typeof companyName === 'string' && companyName.trim() ? companyName.trim() : `PSA company ${id}`;
	return { id, name };
}

/** The fields of a valid approval (see approvalProblems). */
export function readApproval(data: IDataObject, projectKeyPrefix: string): Approval {
	const quoteNumber = String(data.number);
	const lines = Array.isArray(data.lines) ? (data.lines as IDataObject[]) : [];
	return {
		quoteId: String(data.quoteId),
		quoteNumber,
		title: String(data.title),
		quoteUrl: typeof data.url === 'string' ? data.url : '',
		contractId: has(data.contractId) ? String(data.contractId) : '',
		company: companyOf(data),
		projectKey: projectKeyOf(projectKeyPrefix, quoteNumber),
		lines: lines.map((line) => ({
			id: String(line.id),
			title: String(line.title),
			description: has(line.description) ? String(line.description) : '',
			hours: Number(line.hours) || 0,
			matchKey: lineMatchKey(String(line.id)),
		})),
	};
}
