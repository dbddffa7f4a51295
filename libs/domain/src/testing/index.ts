// Test support, kept out of the main entry so production code cannot lean on it.
export * from './fixtures';
export * from './specification';
export * from './patient-identifiers';
