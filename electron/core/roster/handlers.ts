import type { rosterMethods } from '../contract/roster';
import type { HandlerMap } from '../handlers';
import { dutyNow } from './duty-now';
import { assign, standIn, swap } from './edits';
import { generateMonth } from './generate';
import { currentOperator, switchOperator } from './operator';
import { deactivatePerson, deletePerson, listPeople, savePerson, setPersonPin } from './people-repo';
import { rosterMonth } from './roster-repo';
import { getRosterConfig, saveRosterConfig } from './shifts';

const month = (date: string) => date.slice(0, 7);

export const rosterHandlers: HandlerMap<keyof typeof rosterMethods> = {
  'people.list': (i, ctx) => listPeople(ctx, i.includeInactive),
  'people.save': (i, ctx) => savePerson(ctx, i),
  'people.deactivate': (i, ctx) => deactivatePerson(ctx, i.id),
  'people.delete': (i, ctx) => deletePerson(ctx, i.id),
  'people.setPin': (i, ctx) => setPersonPin(ctx, i.id, { pin: i.pin, currentPin: i.currentPin, resetBy: i.resetBy }),
  'roster.config': (_, ctx) => getRosterConfig(ctx),
  'roster.saveConfig': (i, ctx) => saveRosterConfig(ctx, i),
  'roster.month': (i, ctx) => rosterMonth(ctx, i.month),
  'roster.generate': async (i, ctx) => {
    await generateMonth(ctx, i);
    return rosterMonth(ctx, i.month);
  },
  'roster.assign': async (i, ctx) => {
    await assign(ctx, i.at, i.personId, i.reason, i.approver);
    return rosterMonth(ctx, month(i.at.date));
  },
  'roster.swap': async (i, ctx) => {
    await swap(ctx, i.a, i.b, i.reason, i.approver);
    return rosterMonth(ctx, month(i.a.date));
  },
  'roster.standIn': async (i, ctx) => {
    await standIn(ctx, i.at, i.personId, i.reason, i.approver);
    return rosterMonth(ctx, month(i.at.date));
  },
  'duty.now': (_, ctx) => dutyNow(ctx),
  'operator.current': async (_, ctx) => ({ session: await currentOperator(ctx) }),
  'operator.switch': (i, ctx) => switchOperator(ctx, i.personId, i.pin),
};
