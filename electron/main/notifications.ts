import { BrowserWindow, Notification } from 'electron';
import type { DeadlineKind, Language } from '../core/contract';
import type { ApiService } from '../core/contract/service';
import { deadlineStatus } from '../core/domain';

const CHECK_EVERY_MS = 30_000;

/**
 * A native notification the moment a reporting deadline goes overdue, so an officer away from the
 * window (on the phone, at the fax) still hears of it. Each deadline is announced once. Everything it
 * reads comes through the service's methods (deadlines.open, settings.get for the language).
 */
export function notifyOverdue(
  service: ApiService,
  title: (language: Language, kind: DeadlineKind) => string,
): () => void {
  const announced = new Set<string>();
  const check = async () => {
    const r = await service.invoke('deadlines.open', {});
    if (!r.ok || !Notification.isSupported()) return;
    const now = new Date();
    const fresh = r.value.filter(
      (d) => deadlineStatus(d, now).state === 'overdue' && !announced.has(`${d.incidentId}:${d.kind}:${d.dueAt}`),
    );
    if (fresh.length === 0) return;
    const settings = await service.invoke('settings.get', {});
    const language: Language = settings.ok ? settings.value.language : 'zh-CN';
    for (const d of fresh) {
      announced.add(`${d.incidentId}:${d.kind}:${d.dueAt}`);
      const n = new Notification({
        title: title(language, d.kind),
        body: `${d.incidentNumber} ${d.incidentTitle}`,
        urgency: 'critical',
      });
      n.on('click', () => BrowserWindow.getAllWindows()[0]?.show());
      n.show();
    }
  };
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  void check();
  return () => clearInterval(timer);
}
