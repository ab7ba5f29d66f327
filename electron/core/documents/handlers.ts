import type { documentMethods } from '../contract/documents';
import type { HandlerMap } from '../handlers';
import { exportDaily, exportSpecial, previewDaily, previewSpecial } from './documents';
import { correctIssue, issuedFileById } from './issue-correct';
import { listIssued } from './issue-register';
import { exportLog } from './log-document';
import { exportRoster } from './roster-document';

export const documentHandlers: HandlerMap<keyof typeof documentMethods> = {
  'exports.preview': (input, ctx) =>
    input.kind === 'daily' ? previewDaily(ctx, input.period) : previewSpecial(ctx, input.reportId),
  'exports.dailyReport': (input, ctx) => exportDaily(ctx, input),
  'exports.specialReport': (input, ctx) => exportSpecial(ctx, input),
  'exports.log': (input, ctx) => exportLog(ctx, input),
  'exports.roster': (input, ctx) => exportRoster(ctx, input),
  'exports.issued': (input, ctx) => listIssued(ctx, input),
  'exports.issuedFile': (input, ctx) => issuedFileById(ctx, input.id, input.format),
  'exports.correct': (input, ctx) => correctIssue(ctx, input),
};
