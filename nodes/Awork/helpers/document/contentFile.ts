/** The file name and media type of a downloaded document content, from awork's headers or the format. */

const EXTENSIONS = { html: 'html', markdown: 'md' } as const;
const MEDIA_TYPES = { html: 'text/html', markdown: 'text/markdown' } as const;

function header(headers: Record<string, unknown>, name: string): string {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
}

/** `filename*=UTF-8''...` wins over `filename="..."`, as RFC 6266 says. */
function dispositionFileName(disposition: string): string | undefined {
	const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition)?.[1];
	if (extended) {
		try {
			return decodeURIComponent(extended.trim());
		} catch {
			// A malformed escape: fall back to the plain name.
		}
	}
	const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
	const name = (plain?.[1] ?? plain?.[2])?.replace(/\\(.)/g, '$1').trim();
	return name || undefined;
}

export function fileNameOf(
	headers: Record<string, unknown>,
	documentId: string,
	format: keyof typeof EXTENSIONS,
): { fileName: string; mimeType: string } {
	// Only the last path part of a name awork suggests: a file name is not a place to write to.
	const suggested = dispositionFileName(header(headers, 'content-disposition'))?.split(/[\\/]/).pop();
	const fileName = suggested || `${documentId}.${EXTENSIONS[format]}`;
	const mimeType = header(headers, 'content-type').split(';')[0].trim() || MEDIA_TYPES[format];
	return { fileName, mimeType };
}
