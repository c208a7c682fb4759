export * from './descriptions';
export * from './errors';
export * from './operation';
export * from './parameters';
export * from './readItems';
export * from './router';
