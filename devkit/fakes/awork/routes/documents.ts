/**
 * Documents and document spaces: GET/POST /documents (the create is a multipart form),
 * GET/DELETE /documents/{id}, GET /documents/{id}/content, GET /documentspaces(/{id}(/documents))
 * and GET /projects/{id}/documents.
 */
import type { FakeHttpServer, FakeRequest } from '../../shared/fakeServer';
import { validationFailed } from '../errors';
import { buildDocument, contentOf, DOCUMENT_FORMATS, type DocumentFormat } from '../models/documents';
import { listResponse } from '../query/listing';
import { isoNow, type Rec } from '../store';
import { apiRoute, mustFind, noContent, ok, queryParam, references, validateForm, type AworkContext, type FieldRule } from './http';
import { formParts } from './multipart';

/** DocumentPostForm (multipart/form-data). */
const DOCUMENT_POST_FORM: Record<string, FieldRule> = {
	name: { kind: 'string', max: 1000 },
	documentSpaceId: { kind: 'guid' },
	parentId: { kind: 'guid' },
	projectId: { kind: 'guid' },
	taskId: { kind: 'guid' },
	emoji: { kind: 'string', max: 25 },
	isPrivate: { kind: 'boolean' },
	order: { kind: 'number' },
	workspaceAccessLevel: { kind: 'string', max: 25, oneOf: ['none', 'read', 'manage'] },
	isHiddenForConnectUsers: { kind: 'boolean' },
	content: { kind: 'string' },
	contentFormat: { kind: 'string', oneOf: [...DOCUMENT_FORMATS] },
};

/** Form text as the model binder reads it: booleans and numbers parsed, an empty value as not sent. */
function typedForm(req: FakeRequest): Record<string, unknown> {
	const form: Record<string, unknown> = {};
	for (const [name, part] of formParts(req)) {
		const key = Object.keys(DOCUMENT_POST_FORM).find((k) => k.toLowerCase() === name.toLowerCase());
		if (!key || part.value === '') continue;
		const kind = DOCUMENT_POST_FORM[key].kind;
		const lower = part.value.trim().toLowerCase();
		if (kind === 'boolean' && (lower === 'true' || lower === 'false')) form[key] = lower === 'true';
		else if (kind === 'number' && part.value.trim() !== '' && Number.isFinite(Number(part.value))) form[key] = Number(part.value);
		else form[key] = part.value;
	}
	return form;
}

const isTrashed = (rec: Rec) => Boolean(rec.movedToTrashOn);

export function registerDocumentRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { store, registry } = ctx;
	const spec = registry.specs.documents;
	const live = (also?: (rec: Rec) => boolean) => (rec: Rec) => !isTrashed(rec) && (!also || also(rec));

	apiRoute(server, 'GET', '/documents', (req) => {
		const withTrash = queryParam(req, 'includeTrashedDocuments') === 'true';
		return listResponse(registry, spec, req, ctx.config, { scope: `trash:${withTrash}`, where: withTrash ? undefined : live() });
	});

	apiRoute(server, 'POST', '/documents', (req) => {
		const form = validateForm(typedForm(req), DOCUMENT_POST_FORM);
		references(ctx, [
			['DocumentSpaceId', 'documentSpaces', form.documentSpaceId],
			['ParentId', 'documents', form.parentId],
			['ProjectId', 'projects', form.projectId],
			['TaskId', 'tasks', form.taskId],
		]);
		const document = store.insert('documents', buildDocument(store, form));
		return ok(spec.render(document));
	});

	apiRoute(server, 'GET', '/documents/:documentId', (req) => ok(spec.render(mustFind(ctx, 'documents', req.params.documentId, 'document'))));

	// Moves to the trash; deleting a trashed document again changes nothing (204 as before).
	apiRoute(server, 'DELETE', '/documents/:documentId', (req) => {
		const document = mustFind(ctx, 'documents', req.params.documentId, 'document');
		if (isTrashed(document)) return noContent();
		const alsoChildren = queryParam(req, 'alsoDeleteChildren') !== 'false';
		const trash = (rec: Rec) => {
			rec.movedToTrashOn = isoNow();
			rec.movedToTrashBy = store.meUserId;
			store.touch(rec);
		};
		const children = (parent: Rec) => [...store.collections.documents.values()].filter((rec) => rec.parentId === parent.id && !isTrashed(rec));
		trash(document);
		const pending = children(document);
		while (pending.length) {
			const child = pending.pop()!;
			if (alsoChildren) {
				trash(child);
				pending.push(...children(child));
			} else {
				child.parentId = document.parentId;
				store.touch(child);
			}
		}
		return noContent();
	});

	apiRoute(server, 'GET', '/documents/:documentId/content', (req) => {
		const document = mustFind(ctx, 'documents', req.params.documentId, 'document');
		const format = (queryParam(req, 'format') ?? 'html').toLowerCase();
		if (!DOCUMENT_FORMATS.includes(format as DocumentFormat)) {
			throw validationFailed([{ property: 'Format', message: `'Format' must be one of: ${DOCUMENT_FORMATS.join(', ')}.` }]);
		}
		const text = contentOf(document)[format as DocumentFormat];
		if (!text) return noContent();
		if (queryParam(req, 'streamAsFile') === 'true') {
			const extension = format === 'markdown' ? 'md' : 'html';
			const fileName = `${String(document.name ?? document.id)}.${extension}`;
			return {
				status: 200,
				body: Buffer.from(text, 'utf8'),
				headers: {
					'content-type': `${format === 'markdown' ? 'text/markdown' : 'text/html'}; charset=utf-8`,
					'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
				},
			};
		}
		return ok(ctx.config.documentContentShape === 'string' ? text : { content: text });
	});

	apiRoute(server, 'GET', '/documentspaces', (req) => listResponse(registry, registry.specs.documentSpaces, req, ctx.config));

	apiRoute(server, 'GET', '/documentspaces/:documentSpaceId', (req) =>
		ok(registry.specs.documentSpaces.render(mustFind(ctx, 'documentSpaces', req.params.documentSpaceId, 'document space'))),
	);

	// The OpenAPI lists only 200 for the two lists below: an unknown space or project lists nothing.
	apiRoute(server, 'GET', '/documentspaces/:documentSpaceId/documents', (req) => {
		const spaceId = req.params.documentSpaceId.toLowerCase();
		return listResponse(registry, spec, req, ctx.config, { scope: `space:${spaceId}`, where: live((rec) => rec.documentSpaceId === spaceId) });
	});

	apiRoute(server, 'GET', '/projects/:projectId/documents', (req) => {
		const projectId = req.params.projectId.toLowerCase();
		return listResponse(registry, spec, req, ctx.config, { scope: `project:${projectId}`, where: live((rec) => rec.projectId === projectId) });
	});
}
