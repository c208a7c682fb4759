export * from './endpoints';
export * from './errors';
export * from './pacing';
export * from './paginate';
export * from './request';
