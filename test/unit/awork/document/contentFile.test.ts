/** The file name and media type Get Content gives a downloaded document. */
import { fileNameOf } from '../../../../nodes/Awork/helpers/document/contentFile';

const ID = '123e4567-e89b-12d3-a456-426614174000';

describe('document content file names', () => {
	it.each([
		['a plain name', { 'content-disposition': 'attachment; filename="Plan.html"', 'content-type': 'text/html; charset=utf-8' }, 'html', 'Plan.html', 'text/html'],
		['the UTF-8 name over the plain one', { 'content-disposition': `attachment; filename="Gr__e.md"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.md` }, 'markdown', 'Grüße.md', 'text/markdown'],
		['an unquoted name', { 'content-disposition': 'attachment; filename=notes.md', 'content-type': 'text/plain' }, 'markdown', 'notes.md', 'text/plain'],
		['only the last part of a path', { 'content-disposition': 'attachment; filename="../../etc/passwd"' }, 'html', 'passwd', 'text/html'],
		['the document ID without a name', {}, 'html', `${ID}.html`, 'text/html'],
		['the plain name when the UTF-8 one is malformed', { 'content-disposition': `attachment; filename="Plan.md"; filename*=UTF-8''%E0%A4%A.md` }, 'markdown', 'Plan.md', 'text/markdown'],
	] as const)('takes %s', (_, headers, format, fileName, mimeType) => {
		expect(fileNameOf(headers, ID, format)).toEqual({ fileName, mimeType });
	});
});
