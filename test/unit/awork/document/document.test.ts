/**
 * Documents against the fake awork: the three lists (paging, filters, trash), Get, Get Content
 * (both documented answer shapes, empty content, file output), Create (a multipart form) and
 * Delete (trash, children, a document awork does not know).
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';
import { contentOf } from '../../../../devkit/fakes/awork/models/documents';
import * as listSearch from '../../../../nodes/Awork/methods/listSearch';
import { aworkEditorContext } from '../editorContext';
import { byId, json, paired, type AworkTestBed } from '../harness';
import { loseNextAnswer, quickRetryBed } from '../retries';

const bed = quickRetryBed();

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const id = (record: IDataObject) => String(record.id);

function seedSpacesAndProject() {
	const [handbook, sales] = bed.seed({ documentSpaces: [{ name: 'Handbook' }, { name: 'Sales' }] }).documentSpaces;
	const [project] = bed.seed({ projects: [{ name: 'Relaunch' }] }).projects;
	const documents = bed.seed({
		documents: [
			{ name: 'Onboarding', documentSpaceId: handbook.id, content: '<h1>Welcome</h1><p>Read this first</p>' },
			{ name: 'Holidays', documentSpaceId: handbook.id },
			{ name: 'Pricing', documentSpaceId: sales.id },
			{ name: 'Kick-off', projectId: project.id, content: '# Agenda\nScope', contentFormat: 'markdown' },
			{ name: 'Old plan', projectId: project.id, movedToTrashOn: '2026-01-02T10:00:00Z' },
		],
	}).documents;
	bed.clearLog();
	return { handbook: id(handbook), sales: id(sales), project: id(project), documents: documents.map(id) };
}

const names = (result: Awaited<ReturnType<AworkTestBed['run']>>) => json(result).map((document) => document.name);

describe('awork node: document lists', () => {
	it('Get Many pages through more than 1,000 documents and leaves out the trash unless asked', async () => {
		seedSpacesAndProject();
		bed.seed({ documents: Array.from({ length: 1000 }, (_, n) => ({ name: `Note ${String(n).padStart(4, '0')}` })) });
		bed.clearLog();
		const all = await bed.run({ resource: 'document', operation: 'getMany', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(1004);
		expect(new Set(json(all).map((document) => document.id)).size).toBe(1004);
		expect(names(all)).not.toContain('Old plan');
		expect(bed.requests.map((entry) => [entry.path, entry.query.page, entry.query.pageSize])).toEqual([
			['/api/v1/documents', '1', '1000'],
			['/api/v1/documents', '2', '1000'],
		]);
		bed.clearLog();
		const withTrash = await bed.run({ resource: 'document', operation: 'getMany', limit: 3, filters: { includeTrashed: true, nameContains: 'PLAN' } });
		expect(names(withTrash)).toEqual(['Old plan']);
		expect(bed.requests[0].query).toMatchObject({ includeTrashedDocuments: 'true', filterby: "substringof('PLAN',name)", pageSize: '3' });
	});

	it('Get Many of a Document Space lists that space only, and checks the ID before asking awork', async () => {
		const { handbook } = seedSpacesAndProject();
		const result = await bed.run({ resource: 'document', operation: 'getManyOfDocumentSpace', documentSpaceId: byId(handbook), returnAll: true });
		expect(names(result)).toEqual(['Holidays', 'Onboarding']);
		expect(json(result)[0].documentSpace).toMatchObject({ id: handbook, name: 'Handbook' });
		expect(bed.requests[0].path).toBe(`/api/v1/documentspaces/${handbook}/documents`);
		const filtered = await bed.run({ resource: 'document', operation: 'getManyOfDocumentSpace', documentSpaceId: handbook, returnAll: true, filters: { nameContains: 'board' } });
		expect(names(filtered)).toEqual(['Onboarding']);
		bed.clearLog();
		const bad = await bed.run({ resource: 'document', operation: 'getManyOfDocumentSpace', documentSpaceId: '={{ "handbook" }}', returnAll: true });
		expect(bad.error?.message).toBe('Document Space: "handbook" is not an awork ID');
		expect(bed.requests).toHaveLength(0);
		// awork documents only 200 for this list: a space it does not know has no documents.
		const unknown = await bed.run({ resource: 'document', operation: 'getManyOfDocumentSpace', documentSpaceId: UNKNOWN, returnAll: true });
		expect(unknown.error).toBeUndefined();
		expect(unknown.items).toHaveLength(0);
	});

	it('Get Many of a Project lists the live documents of the project, one list per item', async () => {
		const { project } = seedSpacesAndProject();
		const [other] = bed.seed({ projects: [{ name: 'Other' }] }).projects;
		bed.seed({ documents: [{ name: 'Other brief', projectId: other.id }] });
		const result = await bed.run(
			{ resource: 'document', operation: 'getManyOfProject', projectId: '={{ $json.project }}', returnAll: true },
			{ input: [{ json: { project } }, { json: { project: id(other) } }] },
		);
		expect(names(result)).toEqual(['Kick-off', 'Other brief']);
		expect(paired(result)).toEqual([0, 1]);
		expect(json(result)[0].project).toMatchObject({ id: project, name: 'Relaunch' });
	});
});

describe('awork node: one document', () => {
	it('Get returns the document, and a 404 names what was not found', async () => {
		const { documents, handbook } = seedSpacesAndProject();
		const got = await bed.run({ resource: 'document', operation: 'get', documentId: byId(documents[0]) });
		expect(json(got)[0]).toMatchObject({ id: documents[0], name: 'Onboarding', documentSpaceId: handbook });
		expect(json(got)[0]).not.toHaveProperty('_content');
		const missing = await bed.run({ resource: 'document', operation: 'get', documentId: UNKNOWN });
		expect(missing.error?.message).toBe(`awork could not find /documents/${UNKNOWN} (404) (not-found)`);
	});

	it('Get Content returns HTML or Markdown as text; an empty document gives an empty text', async () => {
		const { documents } = seedSpacesAndProject();
		const html = await bed.run({ resource: 'document', operation: 'getContent', documentId: byId(documents[0]), format: 'html', output: 'text' });
		expect(json(html)).toEqual([{ documentId: documents[0], format: 'html', content: '<h1>Welcome</h1><p>Read this first</p>' }]);
		expect(bed.requests[0].query).toEqual({ format: 'html' });
		const markdown = await bed.run({ resource: 'document', operation: 'getContent', documentId: byId(documents[3]), format: 'markdown' });
		expect(json(markdown)[0].content).toBe('# Agenda\nScope');
		const empty = await bed.run({ resource: 'document', operation: 'getContent', documentId: byId(documents[1]) });
		expect(json(empty)).toEqual([{ documentId: documents[1], format: 'html', content: '' }]);
		expect(bed.requests.map((entry) => entry.status)).toEqual([200, 200, 204]);
	});

	it('Get Content also reads the other documented answer, a bare JSON string', async () => {
		const { documents } = seedSpacesAndProject();
		bed.fake.setConfig({ documentContentShape: 'string' });
		try {
			const result = await bed.run({ resource: 'document', operation: 'getContent', documentId: byId(documents[3]), format: 'html' });
			expect(json(result)[0].content).toBe('<h1>Agenda</h1><p>Scope</p>');
		} finally {
			bed.fake.setConfig({ documentContentShape: 'model' });
		}
	});

	it('Get Content as a file puts the bytes in the binary field, named as awork names it', async () => {
		const [space] = bed.seed({ documentSpaces: [{ name: 'Handbook' }] }).documentSpaces;
		const [document] = bed.seed({ documents: [{ name: 'Grüße & Plan', documentSpaceId: space.id, content: '# Grüße\nAb 9 Uhr ☕', contentFormat: 'markdown' }] }).documents;
		const result = await bed.run({
			resource: 'document',
			operation: 'getContent',
			documentId: byId(id(document)),
			format: 'markdown',
			output: 'file',
			binaryPropertyName: 'doc',
		});
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toEqual({ documentId: id(document), format: 'markdown', fileName: 'Grüße & Plan.md', fileSize: Buffer.byteLength('# Grüße\nAb 9 Uhr ☕') });
		expect(item.binary?.doc).toMatchObject({ fileName: 'Grüße & Plan.md', mimeType: 'text/markdown' });
		expect(Buffer.from(String(item.binary?.doc.data), 'base64').toString('utf8')).toBe('# Grüße\nAb 9 Uhr ☕');
		expect(bed.requests[0].query).toEqual({ format: 'markdown', streamAsFile: 'true' });
	});

	it('Get Content keeps going under Continue On Fail: an unknown document becomes an error item', async () => {
		const { documents } = seedSpacesAndProject();
		const result = await bed.run(
			{ resource: 'document', operation: 'getContent', documentId: '={{ $json.id }}', output: 'file' },
			{ input: [{ json: { id: UNKNOWN } }, { json: { id: documents[0] } }], continueOnFail: true },
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json).toEqual({ id: UNKNOWN, error: `awork could not find /documents/${UNKNOWN}/content (404) (not-found)` });
		expect(result.items[0].binary).toBeUndefined();
		expect(Buffer.from(String(result.items[1].binary?.data.data), 'base64').toString('utf8')).toBe('<h1>Welcome</h1><p>Read this first</p>');
		expect(paired(result)).toEqual([0, 1]);
		const stopped = await bed.run({ resource: 'document', operation: 'getContent', documentId: 'not-an-id' });
		expect(stopped.error?.message).toBe('Document: "not-an-id" is not an awork ID');
	});
});

describe('awork node: Create document', () => {
	it('sends a multipart form with the content as a UTF-8 file part', async () => {
		const { project, handbook, documents } = seedSpacesAndProject();
		const result = await bed.run({
			resource: 'document',
			operation: 'create',
			name: 'Meeting ☕',
			content: '# Notes\nGrüße aus Köln',
			contentFormat: 'markdown',
			additionalFields: { projectId: byId(project), parentId: byId(documents[3]), emoji: '📝', isPrivate: false },
		});
		expect(result.error).toBeUndefined();
		const [created] = json(result);
		expect(created).toMatchObject({ name: 'Meeting ☕', projectId: project, parentId: documents[3], emoji: '📝', isPrivate: false, documentSpaceId: null });
		const [post] = bed.requestsTo('POST', /\/documents$/);
		expect(post.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(contentOf(bed.store.collections.documents.get(String(created.id))!).markdown).toBe('# Notes\nGrüße aus Köln');
		const html = await bed.run({ resource: 'document', operation: 'getContent', documentId: byId(String(created.id)) });
		expect(json(html)[0].content).toBe('<h1>Notes</h1><p>Grüße aus Köln</p>');
		// Without content no content part goes out, and the document is empty.
		const bare = await bed.run({ resource: 'document', operation: 'create', name: 'Empty', additionalFields: { documentSpaceId: handbook } });
		expect(contentOf(bed.store.collections.documents.get(String(json(bare)[0].id))!)).toEqual({ html: '', markdown: '' });
	});

	it('names the field that is wrong, before or after asking awork', async () => {
		seedSpacesAndProject();
		const noName = await bed.run({ resource: 'document', operation: 'create', name: '  ' });
		expect(noName.error?.message).toBe('Name: awork needs a value here');
		const badParent = await bed.run({ resource: 'document', operation: 'create', name: 'Doc', additionalFields: { parentId: byId('parent-1') } });
		expect(badParent.error?.message).toBe('Parent Document: "parent-1" is not an awork ID');
		expect(bed.requests).toHaveLength(0);
		const unknownProject = await bed.run({ resource: 'document', operation: 'create', name: 'Doc', additionalFields: { projectId: byId(UNKNOWN) } });
		expect(unknownProject.error?.message).toBe(`awork rejected the request: The ProjectId '${UNKNOWN}' does not exist. (validation-failed)`);
		expect(bed.store.collections.documents.size).toBe(5);
	});

	it('the fake takes only a form, as awork does', async () => {
		const response = await axios.post(`${bed.awork.baseUrl}/documents`, { name: 'As JSON' }, {
			headers: { Authorization: `Bearer ${bed.fake.apiKey}` },
			validateStatus: () => true,
		});
		expect(response.status).toBe(415);
		expect(response.data).toMatchObject({ code: 'unsupported-media-type' });
	});
});

describe('awork node: Delete document', () => {
	function seedTree() {
		const [space] = bed.seed({ documentSpaces: [{ name: 'Handbook' }] }).documentSpaces;
		const [root] = bed.seed({ documents: [{ name: 'Root', documentSpaceId: space.id }] }).documents;
		const [parent] = bed.seed({ documents: [{ name: 'Parent', documentSpaceId: space.id, parentId: root.id }] }).documents;
		const [child] = bed.seed({ documents: [{ name: 'Child', documentSpaceId: space.id, parentId: parent.id }] }).documents;
		bed.clearLog();
		return { root: id(root), parent: id(parent), child: id(child) };
	}
	const stored = (documentId: string) => bed.store.collections.documents.get(documentId)!;

	it('moves the document and its children to the trash and says so', async () => {
		const { parent, child, root } = seedTree();
		const result = await bed.run({ resource: 'document', operation: 'delete', documentId: byId(parent) });
		expect(json(result)).toEqual([{ deleted: true, id: parent }]);
		expect(bed.requests[0]).toMatchObject({ method: 'DELETE', path: `/api/v1/documents/${parent}`, query: { alsoDeleteChildren: 'true' }, status: 204 });
		expect([stored(parent).movedToTrashOn, stored(child).movedToTrashOn].every(Boolean)).toBe(true);
		expect(stored(root).movedToTrashOn).toBeNull();
	});

	it('without Also Delete Child Documents, the children move up to the parent', async () => {
		const { parent, child, root } = seedTree();
		await bed.run({ resource: 'document', operation: 'delete', documentId: byId(parent), alsoDeleteChildren: false });
		expect(bed.requests[0].query).toEqual({ alsoDeleteChildren: 'false' });
		expect(stored(child)).toMatchObject({ movedToTrashOn: null, parentId: root });
	});

	it('an unknown document is an error naming its ID, or deleted: false with Ignore If Already Deleted', async () => {
		seedTree();
		const failed = await bed.run({ resource: 'document', operation: 'delete', documentId: byId(UNKNOWN) });
		expect(failed.error?.message).toBe(`Document ${UNKNOWN} was not found in awork, so it was not deleted`);
		const ignored = await bed.run({ resource: 'document', operation: 'delete', documentId: byId(UNKNOWN), ignoreMissing: true });
		expect(json(ignored)).toEqual([{ deleted: false, id: UNKNOWN, alreadyDeleted: true }]);
	});

	it('a delete whose answer was lost is sent again; awork finds it in the trash and it counts as deleted', async () => {
		const { parent } = seedTree();
		const restore = loseNextAnswer(bed, 'DELETE', '/api/v1/documents/:documentId');
		const result = await bed.run({ resource: 'document', operation: 'delete', documentId: byId(parent) });
		restore();
		expect(json(result)).toEqual([{ deleted: true, id: parent }]);
		expect(bed.requestsTo('DELETE', /\/documents\//).map((entry) => [entry.fault, entry.status])).toEqual([
			['resetAfterCommit', 204],
			[undefined, 204],
		]);
		expect(stored(parent).movedToTrashOn).toBeTruthy();
	});
});

describe('awork editor: document pickers', () => {
	it('searches documents and document spaces by name', async () => {
		seedSpacesAndProject();
		const context = aworkEditorContext(bed);
		const documents = await listSearch.searchDocuments.call(context, 'o');
		expect(documents.results.map((result) => result.name)).toEqual(['Holidays', 'Kick-off', 'Onboarding']);
		const spaces = await listSearch.searchDocumentSpaces.call(context);
		expect(spaces.results.map((result) => result.name)).toEqual(['Handbook', 'Sales']);
		expect(bed.requests.map((entry) => entry.query.filterby)).toEqual(["substringof('o',name)", undefined]);
	});
});
