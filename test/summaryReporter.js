// Prints one plain closing line ("jest: N passed, N failed, N skipped") that CI can read,
// since jest's own summary line has a different shape.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const passed = results.numPassedTests;
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(`\njest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
	}
}
module.exports = SummaryReporter;
