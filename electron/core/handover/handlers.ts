import type { handoverMethods } from '../contract/handover';
import type { HandlerMap } from '../handlers';
import { handoverDue } from './due';
import { draftHandover, getHandover, listHandovers, reviewHandover, saveHandover, signHandover } from './handover-repo';

export const handoverHandlers: HandlerMap<keyof typeof handoverMethods> = {
  'handover.draft': (i, ctx) => draftHandover(ctx, i.date, i.shift),
  'handover.save': (i, ctx) => saveHandover(ctx, i),
  'handover.sign': (i, ctx) => signHandover(ctx, i.id, i.side, i.personId, i.pin),
  'handover.review': (i, ctx) => reviewHandover(ctx, i.id, i.personId, i.comment, i.pin),
  'handover.list': (i, ctx) => listHandovers(ctx, i.query, i.limit),
  'handover.get': (i, ctx) => getHandover(ctx, i.id),
  'handover.due': (_, ctx) => handoverDue(ctx, ctx.clock.now()),
};
