export * from './endpoints';
export * from './errors';
export * from './paginate';
export * from './pacing';
export * from './request';
