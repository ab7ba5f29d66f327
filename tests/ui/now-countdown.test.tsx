import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { countdownText } from '../../renderer/src/features/now/NowActions';
import { initI18n } from '../../renderer/src/i18n';

describe('the Now desk countdown', () => {
  it('says a 批示 was just relayed in its first minute, then how long it has waited', () => {
    initI18n('zh-CN');
    const t = i18next.t.bind(i18next);
    expect(countdownText({ urgency: 'waiting', remainingMs: 0 }, t)).toBe('刚刚');
    expect(countdownText({ urgency: 'waiting', remainingMs: -59_000 }, t)).toBe('刚刚');
    expect(countdownText({ urgency: 'waiting', remainingMs: -25 * 60_000 }, t)).toBe('已等 25分');
    expect(countdownText({ urgency: 'overdue', remainingMs: -3 * 60_000 }, t)).toContain('3');
    initI18n('en');
    expect(countdownText({ urgency: 'waiting', remainingMs: -1000 }, t)).toBe('Just now');
  });
});
