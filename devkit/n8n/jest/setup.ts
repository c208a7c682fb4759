// Real n8n starts in seconds, but a slow 2-core CI machine needs room; waits inside poll.
jest.setTimeout(300_000);
