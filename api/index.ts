export * from './enums';
export * from './errors';
export * from './operation';
export * from './operations';
export * from './param';
export * from './readings';
export * from './response-judgement';
export * from './rule';
export { findRule, RULES } from './rules';
