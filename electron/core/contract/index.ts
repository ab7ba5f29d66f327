import type { z } from 'zod';
import type { MethodSpec } from './define';
import { appMethods } from './app';
import { incidentMethods } from './incident-methods';
import { rosterMethods } from './roster';
import { handoverMethods } from './handover';
import { planMethods } from './plan-methods';
import { documentMethods } from './documents';

/**
 * The one API contract. Preload, web host, CLI and renderer client are all typed from this map;
 * nothing else declares a method or channel name. Each feature keeps its methods in its own module
 * (`contract/<feature>.ts`) and is spread in here.
 */
export const contract = {
  ...appMethods,
  ...incidentMethods,
  ...rosterMethods,
  ...handoverMethods,
  ...planMethods,
  ...documentMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './channels';
export * from './changes';
export * from './errors';
export * from './settings';
export * from './audit';
export * from './app';
export * from './incidents';
export * from './grading';
export * from './deadlines';
export * from './reports';
export * from './log-entries';
export * from './incident-methods';
export * from './message-parse';
export * from './field-labels';
export * from './roster';
export * from './handover';
export * from './plans';
export * from './plan-methods';
export * from './documents';
export * from './incident-import';
