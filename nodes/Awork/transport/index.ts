export * from './request';
export * from './paginate';
export * from './errors';
export * as filter from './filter';
export { isGuid, parseIsoDate, AworkFilter, AworkFilterError } from './filter';
export { AWORK_RATE_WINDOWS, aworkPacerKey } from './pacing';
