export * from './events';
export * from './vocabulary/vocabulary';
