/** Reads multipart/form-data bodies (awork's [FromForm] endpoints, e.g. POST /documents). */
import type { FakeRequest } from '../../shared/fakeServer';
import { AworkError, invalidModel } from '../errors';

export interface FormPart {
	/** The part's bytes read as UTF-8 (awork's form text and document content are UTF-8). */
	value: string;
	fileName?: string;
	contentType?: string;
}

/** A form endpoint answers a body of another media type with 415, as ASP.NET does. */
const unsupportedMediaType = (got: string) =>
	new AworkError(415, 'unsupported-media-type', `The request must be sent as multipart/form-data, not ${got || 'without a content type'}.`);

function dispositionParam(disposition: string, name: string): string | undefined {
	const match = new RegExp(`(?:^|;)\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
	return match?.[1].replace(/\\(.)/g, '$1');
}

/** The parts by field name; throws 415 for another media type and 400 invalid-model for a broken body. */
export function formParts(req: FakeRequest): Map<string, FormPart> {
	const contentType = String(req.headers['content-type'] ?? '');
	if (!/^multipart\/form-data\b/i.test(contentType)) throw unsupportedMediaType(contentType.split(';')[0].trim());
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!boundary) throw invalidModel('The multipart body has no boundary.');
	const delimiter = `--${boundary[1] ?? boundary[2]}`;
	// latin1 keeps one char per byte, so the part bodies can be cut out and decoded as UTF-8 after.
	const raw = req.rawBody.toString('latin1');
	const sections = raw.split(delimiter);
	if (sections.length < 3 || !sections[sections.length - 1].startsWith('--')) throw invalidModel('The multipart body is not terminated.');
	const parts = new Map<string, FormPart>();
	for (const section of sections.slice(1, -1)) {
		const headerEnd = section.indexOf('\r\n\r\n');
		if (!section.startsWith('\r\n') || headerEnd < 0) throw invalidModel('A multipart section has no headers.');
		const headers = section.slice(2, headerEnd).split('\r\n');
		const header = (name: string) => headers.find((line) => line.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
		const disposition = header('content-disposition') ?? '';
		const name = dispositionParam(disposition, 'name');
		if (!name) throw invalidModel('A multipart section has no field name.');
		const body = section.slice(headerEnd + 4).replace(/\r\n$/, '');
		parts.set(name, {
			value: Buffer.from(body, 'latin1').toString('utf8'),
			fileName: dispositionParam(disposition, 'filename'),
			contentType: header('content-type'),
		});
	}
	return parts;
}
