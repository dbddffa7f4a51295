export * from './case-events';
export * from './credential-events';
export * from './domain-event';
export * from './json';
export * from './panel-events';
export * from './recognition-events';
export * from './supervisor-events';
export * from './trainee-events';
