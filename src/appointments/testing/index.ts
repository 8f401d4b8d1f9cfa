// The appointments module's test kit, for its tests and the benchmark.
export { agentIdOf, createFixture, type FixtureOptions } from '../test-fixtures.ts';
