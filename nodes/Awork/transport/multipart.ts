/**
 * multipart/form-data bodies for the awork endpoints that take a form instead of JSON (POST
 * /documents). Built as one Buffer, not a stream, so the shared loop can send it again when an
 * attempt was never sent.
 */
import { randomBytes } from 'node:crypto';

/** A file part: its bytes, the name awork sees and its media type. */
export interface MultipartFile {
	data: Buffer;
	fileName: string;
	contentType: string;
}

/** Field name -> text (or a file); undefined values are left out, so awork keeps its defaults. */
export type MultipartFields = Record<string, string | number | boolean | MultipartFile | undefined>;

export interface MultipartBody {
	data: Buffer;
	contentType: string;
}

const isFile = (value: unknown): value is MultipartFile =>
	typeof value === 'object' && value !== null && Buffer.isBuffer((value as MultipartFile).data);

/** Quotes a name for a Content-Disposition header (no line breaks, quotes escaped). */
const quoted = (text: string) => `"${text.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1')}"`;

export function multipartBody(fields: MultipartFields, boundary = `----n8nAwork${randomBytes(12).toString('hex')}`): MultipartBody {
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}`;
		let data: Buffer;
		if (isFile(value)) {
			head += `; filename=${quoted(value.fileName)}\r\nContent-Type: ${value.contentType}`;
			data = value.data;
		} else {
			data = Buffer.from(String(value), 'utf8');
		}
		parts.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'), data, Buffer.from('\r\n', 'utf8'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { data: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
