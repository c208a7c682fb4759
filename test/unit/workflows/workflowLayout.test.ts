/**
 * Geometry of the shipped workflows on n8n's canvas:
 * - the whole canvas (nodes and sticky notes) fits 3,000 x 1,600 px: "zoom to fit" in an editor of
 *   about 1,840 x 960 px (n8n in a 1920 x 1080 browser window) then shows it at 0.6 or more, where
 *   node names and note text are still legible;
 * - no node sits on a sticky note's text (nodes may sit on the note's empty part below it, the
 *   way notes frame a group of nodes).
 * Nodes are about 100 x 100 px at their position. A note's text area is estimated from its
 * markdown: heading and body line heights, and lines wrapped at the note's width.
 */
import fs from 'node:fs';
import path from 'node:path';

interface CanvasNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: { content?: string; width?: number; height?: number };
}
interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

const WORKFLOWS_DIR = path.resolve(__dirname, '../../../workflows');
const STICKY = 'n8n-nodes-base.stickyNote';
const NODE_SIZE = 100;
const MAX_CANVAS = { width: 3000, height: 1600 };
// n8n's defaults for a note without a size.
const NOTE_DEFAULT = { width: 240, height: 160 };
const NOTE_PADDING = { x: 16, top: 12 };
// Line height and average character width (px) of body text and headings in a note.
const TEXT = {
	body: { line: 21, char: 7.3 },
	h1: { line: 38, char: 14 },
	h2: { line: 31, char: 12 },
	h3: { line: 25, char: 9.6 },
};
const BLOCK_GAP = 10;
const LIST_INDENT = 24;

const files = fs.readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.json')).sort();

function load(file: string): CanvasNode[] {
	return (JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as { nodes: CanvasNode[] }).nodes;
}

const isNote = (node: CanvasNode) => node.type === STICKY;

function noteBox(note: CanvasNode): Box {
	const [left, top] = note.position;
	const width = note.parameters.width ?? NOTE_DEFAULT.width;
	const height = note.parameters.height ?? NOTE_DEFAULT.height;
	return { left, top, right: left + width, bottom: top + height };
}

function nodeBox(node: CanvasNode): Box {
	const [left, top] = node.position;
	return { left, top, right: left + NODE_SIZE, bottom: top + NODE_SIZE };
}

/** What the reader sees of a markdown line: no markers, link text only. */
function visibleText(line: string): string {
	return line
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`]/g, '')
		.trim();
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^\s*([-*+]|\d+\.)\s+/;

/** Markdown's blocks: a heading, a list item or a paragraph (its plain lines joined, as markdown renders them). */
function blocks(markdown: string): string[] {
	const out: string[] = [];
	let joinable = false;
	for (const line of markdown.split('\n')) {
		const plain = line.trim() !== '' && !HEADING.test(line.trim()) && !LIST_ITEM.test(line);
		if (plain && joinable) out[out.length - 1] += ` ${line.trim()}`;
		else out.push(line);
		joinable = plain || LIST_ITEM.test(line);
	}
	return out;
}

/** The estimated height (px) of a note's rendered markdown at the note's width. */
export function textHeight(markdown: string, noteWidth: number): number {
	const width = noteWidth - 2 * NOTE_PADDING.x;
	let height = NOTE_PADDING.top;
	for (const block of blocks(markdown)) {
		if (block.trim() === '') {
			height += BLOCK_GAP;
			continue;
		}
		const heading = HEADING.exec(block.trim());
		const list = LIST_ITEM.test(block);
		const style = heading ? (heading[1].length === 1 ? TEXT.h1 : heading[1].length === 2 ? TEXT.h2 : TEXT.h3) : TEXT.body;
		const text = visibleText(heading ? heading[2] : block.replace(LIST_ITEM, ''));
		const usable = width - (list ? LIST_INDENT : 0);
		const perLine = Math.max(1, Math.floor(usable / style.char));
		height += Math.max(1, Math.ceil(text.length / perLine)) * style.line;
	}
	return height;
}

/** The part of the note its text covers (the whole note if the text overflows it). */
export function textBox(note: CanvasNode): Box {
	const box = noteBox(note);
	const bottom = Math.min(box.bottom, box.top + textHeight(note.parameters.content ?? '', box.right - box.left));
	return { left: box.left + NOTE_PADDING.x, top: box.top, right: box.right - NOTE_PADDING.x, bottom };
}

/** A node covers text when they overlap by more than a corner: at least MIN_COVER px each way. */
const MIN_COVER = 10;
const covers = (a: Box, b: Box) =>
	Math.min(a.right, b.right) - Math.max(a.left, b.left) >= MIN_COVER && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) >= MIN_COVER;

/** The canvas's bounding box of all nodes and notes. */
export function canvasSize(nodes: CanvasNode[]): { width: number; height: number } {
	const boxes = nodes.map((node) => (isNote(node) ? noteBox(node) : nodeBox(node)));
	const width = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
	const height = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
	return { width, height };
}

/** Every node that sits on a note's text, as "node on note". */
export function nodesOnNoteText(nodes: CanvasNode[]): string[] {
	const notes = nodes.filter(isNote).map((note) => ({ name: note.name, text: textBox(note) }));
	return nodes
		.filter((node) => !isNote(node))
		.flatMap((node) => notes.filter((note) => covers(nodeBox(node), note.text)).map((note) => `${node.name} on ${note.name}`));
}

describe('the layout estimate', () => {
	const note = (content: string, width = 400, height = 600): CanvasNode => ({
		name: 'Note',
		type: STICKY,
		position: [0, 0],
		parameters: { content, width, height },
	});

	it('grows with wrapped lines and headings, and stops at the note’s bottom', () => {
		const short = textBox(note('## Title\nOne line.')).bottom;
		const wrapped = textBox(note(`## Title\n${'word '.repeat(100)}`)).bottom;
		expect(short).toBe(NOTE_PADDING.top + TEXT.h2.line + TEXT.body.line);
		expect(wrapped).toBeGreaterThan(short + 5 * TEXT.body.line);
		expect(textBox(note('- item\n'.repeat(100), 400, 300)).bottom).toBe(300);
	});

	it('finds a node on the text but not one on the empty part below it', () => {
		const framed = note('### Step\nWhat the nodes below do.', 600, 400);
		const on = { name: 'On', type: 'n8n-nodes-base.set', position: [100, 20], parameters: {} } as CanvasNode;
		const below = { name: 'Below', type: 'n8n-nodes-base.set', position: [100, 200], parameters: {} } as CanvasNode;
		expect(nodesOnNoteText([framed, on, below])).toEqual(['On on Note']);
	});

	it('finds the nodes that hid the approval workflow’s "Tasks and mappings" note before issue 15, and not those beside it', () => {
		const node = (name: string, x: number, y: number) => ({ name, type: 'n8n-nodes-base.set', position: [x, y], parameters: {} }) as CanvasNode;
		const tasksNote: CanvasNode = {
			name: 'Note: Tasks and mappings',
			type: STICKY,
			position: [3280, -300],
			parameters: {
				width: 700,
				height: 320,
				content:
					'### Tasks and mappings\nWithout a template, one task list (Settings -> taskListName) gets a task per quote line: its title, description and `hours` as planned duration. Each task carries its line\'s match key at the end of its description (`[match key: psa-line:<lineId>]`; a line ID with other characters is hashed): tasks are found again by line, not by title, so two lines with one title become two tasks.\nSaved mappings: quote -> project (namespace `project`), contract -> project (`contract`), quote line -> task (`task`, external ID `<quoteId>:<lineId>`).\nThe answer to the PSA: `{created, projectId, projectKey, projectUrl, taskListId, tasksCreated}`.\n\n**Client company**: the PSA `companyId` is looked up in the `company` mappings, else an awork company with exactly the PSA `companyName` is taken, else one is created; the mapping is saved and the project gets that company (so the Command Center and the project context know its client).',
			},
		};
		const canvas = [
			tasksNote,
			node('Find Company Mapping', 3300, -300),
			node('Companies with the Name', 3520, -140),
			node('Company Named Exactly?', 3740, -140),
			node('Create Company', 3960, -60),
			node('Save Company Mapping', 4180, -140),
			node('Create Task List', 3300, 140),
			node('Lines of Quote', 3520, 140),
		];
		expect(nodesOnNoteText(canvas)).toEqual([
			'Find Company Mapping on Note: Tasks and mappings',
			'Companies with the Name on Note: Tasks and mappings',
			'Company Named Exactly? on Note: Tasks and mappings',
		]);
	});

	it('measures nodes at 100 x 100 px and notes at their size', () => {
		const nodes = [note('x', 500, 300), { name: 'Far', type: 'x', position: [2900, 1000], parameters: {} } as CanvasNode];
		expect(canvasSize(nodes)).toEqual({ width: 3000, height: 1100 });
	});
});

describe.each(files)('the canvas of %s', (file) => {
	const nodes = load(file);
	it(`fits ${MAX_CANVAS.width} x ${MAX_CANVAS.height} px with its notes`, () => {
		const { width, height } = canvasSize(nodes);
		expect({ width, height, fits: width <= MAX_CANVAS.width && height <= MAX_CANVAS.height }).toEqual({ width, height, fits: true });
	});

	it('has no node on a sticky note’s text', () => {
		expect(nodesOnNoteText(nodes)).toEqual([]);
	});
});
