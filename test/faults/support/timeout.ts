// Fault runs (many full exports, crashes, restarts) take minutes per test.
jest.setTimeout(45 * 60_000);
