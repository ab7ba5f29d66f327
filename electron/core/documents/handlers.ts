import type { documentMethods } from '../contract/documents';
import type { HandlerMap } from '../handlers';
import { exportDaily, exportSpecial, previewDaily, previewSpecial } from './documents';
import { exportLog } from './log-document';
import { exportRoster } from './roster-document';

export const documentHandlers: HandlerMap<keyof typeof documentMethods> = {
  'exports.preview': (input, ctx) =>
    input.kind === 'daily' ? previewDaily(ctx, input.period) : previewSpecial(ctx, input.reportId),
  'exports.dailyReport': (input, ctx) => exportDaily(ctx, input),
  'exports.specialReport': (input, ctx) => exportSpecial(ctx, input),
  'exports.log': (input, ctx) => exportLog(ctx, input),
  'exports.roster': (input, ctx) => exportRoster(ctx, input),
};
