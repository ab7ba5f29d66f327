import { z } from 'zod';
import { method, type MethodSpec } from './define';
import { settingsUpdateSchema, type Settings } from './settings';
import type { VerifyResult } from './audit';
import type { AppInfo } from './app';

const none = z.object({}).strict();

/**
 * The one API contract. Preload, web host, CLI and renderer client are all typed from this map;
 * nothing else declares a method or channel name.
 */
export const contract = {
  'app.info': method<AppInfo>()(none),
  'settings.get': method<Settings>()(none),
  'settings.update': method<Settings>()(settingsUpdateSchema),
  'audit.verify': method<VerifyResult>()(none),
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
export * from './errors';
export * from './settings';
export * from './audit';
export * from './app';
