/**
 * The limits every transport (awork, The One PSA, n8n's API) holds to. One object, so a test can
 * lower them for a run; production uses these values.
 */
export const httpLimits = {
	/** The longest a 429's Retry-After / RateLimit-Reset may make anyone wait; longer is an error. */
	maxRateLimitWaitMs: 60_000,
	/** Total time for one request, from sending to the last byte of the answer. */
	requestDeadlineMs: 60_000,
	/** Longest request URL (query included) sent; servers refuse far shorter header blocks than 16 KB. */
	maxUrlLength: 8192,
};
