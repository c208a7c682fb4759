/** Documents and document spaces (DocumentModel, DocumentSpaceModel), with each document's content. */
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec } from '../store';
import { fill, newId, stamps } from './common';

export const DOCUMENT_FORMATS = ['html', 'markdown'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The content of a document's current version in both formats awork serves (fake-only, never rendered). */
export interface DocumentContent {
	html: string;
	markdown: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A rough rendering, enough to tell the formats apart: headings and paragraphs only. */
function markdownToHtml(markdown: string): string {
	return markdown
		.split(/\r?\n/)
		.filter((line) => line.trim())
		.map((line) => {
			const heading = /^(#{1,6})\s+(.*)$/.exec(line);
			return heading ? `<h${heading[1].length}>${escapeHtml(heading[2])}</h${heading[1].length}>` : `<p>${escapeHtml(line)}</p>`;
		})
		.join('');
}

function htmlToMarkdown(html: string): string {
	return html
		.replace(/<h([1-6])[^>]*>(.*?)<\/h\1>/gi, (_, level: string, text: string) => `${'#'.repeat(Number(level))} ${text}\n\n`)
		.replace(/<\/p>/gi, '\n\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.trim();
}

export function documentContent(text: string, format: DocumentFormat): DocumentContent {
	if (!text) return { html: '', markdown: '' };
	return format === 'markdown' ? { html: markdownToHtml(text), markdown: text } : { html: text, markdown: htmlToMarkdown(text) };
}

export function buildDocumentSpace(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{
			id: newId(),
			...stamps(store),
			name: 'Document space',
			isExternal: false,
			emoji: null,
			color: null,
			order: store.collections.documentSpaces.size,
			workspaceAccessLevel: 'read',
			contributors: [],
			teams: [],
		},
		input,
	);
}

/** Seed input and forms may carry `content` (text) and `contentFormat` ('html', the default, or 'markdown'). */
export function buildDocument(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	const { content, contentFormat, ...fields } = input;
	const rec = fill(
		{
			id: newId(),
			...stamps(store),
			name: null,
			currentDocumentVersionId: newId(),
			documentSpaceId: null,
			parentId: null,
			projectId: null,
			taskId: null,
			emoji: null,
			isPrivate: false,
			order: store.collections.documents.size,
			isExternal: false,
			isHiddenForConnectUsers: false,
			contributors: [],
			teams: [],
			workspaceAccessLevel: null,
			inheritedWorkspaceAccessFromDocumentId: null,
			movedToTrashOn: null,
			movedToTrashBy: null,
			rootDocumentCreatedBy: store.meUserId,
		},
		fields,
	);
	rec._content = documentContent(typeof content === 'string' ? content : '', contentFormat === 'markdown' ? 'markdown' : 'html');
	return rec;
}

export const contentOf = (rec: Rec): DocumentContent => (rec._content as DocumentContent | undefined) ?? { html: '', markdown: '' };

export function documentSpaceSpec(): ListSpec {
	return { collection: 'documentSpaces', render: (rec) => ({ ...rec }) };
}

/** The project inside a document (PermissionProject). */
function permissionProject(project: Rec | undefined) {
	if (!project) return null;
	return { id: project.id, name: project.name, createdBy: project.createdBy, teams: [], members: [], isPrivate: project.isPrivate ?? false, isExternal: false };
}

export function documentSpec(store: AworkStore): ListSpec {
	return {
		collection: 'documents',
		links: {
			documentSpace: { collection: 'documentSpaces', idOf: (rec) => rec.documentSpaceId },
			project: { collection: 'projects', idOf: (rec) => rec.projectId },
		},
		render: (rec) => {
			const { _content, ...fields } = rec;
			const space = store.get('documentSpaces', rec.documentSpaceId);
			return {
				...fields,
				documentSpace: space ? { ...space } : null,
				project: permissionProject(store.get('projects', rec.projectId)),
				inheritedWorkspaceAccessFromDocument: null,
			};
		},
	};
}
