export * from './coverage';
export * from './cursor';
export * from './eligibility';
export * from './membership';
export * from './pain-point-lifecycle';
export * from './problem-errors';
export * from './slug';
