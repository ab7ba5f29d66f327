import { BrowserWindow, Notification } from 'electron';
import { type OpenDeadline } from '../core/contract';
import { deadlineStatus } from '../core/domain';
import type { Service } from '../core/service';

const CHECK_EVERY_MS = 30_000;

/**
 * A native notification the moment a reporting deadline goes overdue, so an officer away from the
 * window (on the phone, at the fax) still hears of it. Each deadline is announced once.
 */
export function notifyOverdue(service: Service, title: (d: OpenDeadline) => string): () => void {
  const announced = new Set<string>();
  const check = async () => {
    const r = await service.invoke('deadlines.open', {});
    if (!r.ok || !Notification.isSupported()) return;
    const now = new Date();
    for (const d of r.value as OpenDeadline[]) {
      const key = `${d.incidentId}:${d.kind}:${d.dueAt}`;
      if (deadlineStatus(d, now).state !== 'overdue' || announced.has(key)) continue;
      announced.add(key);
      const n = new Notification({
        title: title(d),
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
