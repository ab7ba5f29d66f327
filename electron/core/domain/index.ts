/**
 * Pure domain rules that the core and the renderer both apply: the deadline engine, grading, checklist
 * states, 补报 windows, report-chain rules and the duty room's zone maths. No storage, no I/O, no DOM: plain functions over contract types.
 */
export * from './deadlines';
export * from './grading';
export * from './checklist';
export * from './time';
export * from './supplementary';
export * from './report-rules';
export * from './roster-edits';
export * from './facts';
export * from './change-prose';
export * from './now-actions';
