export * from './factory';
export * from './subclasses';
export * from './wsc-error';
