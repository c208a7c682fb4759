export { startFakeHq, FakeHq, HQ_TOKEN, HQ_RATE_LIMIT, HQ_UNITS, BASE_SEED } from './fakeHq';
export type { FakeHqOptions, FakeHqSettings, HqSeed, Row, RunningFakeHq, WriteAnswer } from './fakeHq';
