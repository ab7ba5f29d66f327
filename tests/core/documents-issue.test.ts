import { describe, expect, it } from 'vitest';
import { sendMeta, unzipText } from './documents-fixtures';
import { shiftWithOngoing } from './documents-shift';

const shift = { date: '2026-11-23', distribution: { bao: '省政府总值班室', song: '', fa: '' } };
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('issued 值班信息 are frozen records', () => {
  it('exports an issued 期 byte-identical, also after a later 续报, and previews never issue', async () => {
    const { core, fireId } = await shiftWithOngoing(1);
    const draft = await core.call('exports.dailyReport', { period: shift, format: 'docx', preview: true });
    expect(await unzipText(draft.base64, 'word/document.xml')).toContain('样稿（未签发）');
    expect(await core.call('exports.issued', {})).toEqual([]);

    const first = await core.call('exports.dailyReport', { period: shift, format: 'docx' });
    // A 续报 sent afterwards about something inside the issued shift changes the record, not the issue.
    const d = await core.call('reports.draft', { incidentId: fireId, kind: 'followup' });
    await core.call('reports.send', { id: d.id, sentAt: '2026-11-23T09:30:00Z', ...sendMeta });
    const again = await core.call('exports.dailyReport', { period: shift, format: 'docx' });
    expect(again.base64).toBe(first.base64);
    expect(again.sha256).toBe(first.sha256);
    const [issued] = await core.call('exports.issued', {});
    expect(issued).toMatchObject({ kind: 'daily', year: 2026, seq: 1, correctedById: null });
    expect((await core.call('exports.issuedFile', { id: issued!.id, format: 'docx' })).base64).toBe(first.base64);
    const preview = await core.call('exports.preview', { kind: 'daily', period: shift });
    expect(preview.issued?.id).toBe(issued!.id);
    expect(text(preview.html)).not.toContain('续报二');

    // The correction is a new 期 marked 更正 naming the one it corrects; it now answers for the period.
    const fix = await core.call('exports.correct', { id: issued!.id, format: 'docx', reason: '补充续报二报送情况' });
    const fixXml = await unzipText(fix.base64, 'word/document.xml');
    expect(fixXml).toContain('2026年第2期（更正）');
    expect(fixXml).toContain('本期更正2026年第1期值班信息。更正原因：补充续报二报送情况');
    expect(fixXml).toContain('续报二以电子公文报省应急管理厅');
    expect((await core.call('exports.dailyReport', { period: shift, format: 'docx' })).base64).toBe(fix.base64);
    const old = (await core.call('exports.issued', {})).find((i) => i.id === issued!.id)!;
    expect(old.correctedById).toBe(fix.issueId);
    expect(await core.service.invoke('exports.correct', { id: issued!.id, format: 'docx', reason: 'x' })).toMatchObject(
      { ok: false, error: { code: 'export.already_corrected' } },
    );
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  }, 60_000);

  it('covers the duty shift: ongoing incidents with only the period’s activity, plans and instructions as they happened', async () => {
    const { core } = await shiftWithOngoing(0);
    const p = text((await core.call('exports.preview', { kind: 'daily', period: shift })).html);
    expect(p).toContain('2026年11月23日8时30分至11月24日8时30分');
    expect(p).toContain('二、续报情况');
    expect(p).toContain('11月23日15时30分，死亡人数由2人增至3人，失踪人数由3人减至1人；直接经济损失初步估计850万元。');
    // Received in the previous shift: its initial report is not retold as this shift's activity.
    expect(p).not.toContain('初报以电子公文');
    expect(p).toContain(
      '13时50分，经常务副市长决定启动危险化学品事故应急预案Ⅲ级响应；14时30分，经市长决定提升为Ⅱ级响应；17时10分终止',
    );
    expect(p).toContain(
      '16时05分，张书记就大江化工园区某化工厂火灾批示：“全力搜救失踪人员，严防次生灾害。”16时20分已传达市应急管理局；16时50分市应急管理局反馈：已增派搜救力量。正在落实。',
    );
    // Missing persons named, 重伤 apart from 受伤; the place said once.
    expect(p).toContain('共造成1人重伤、4人受伤');
    expect(p).toContain('沿江大道与滨江路交叉口（滨江区）发生多车追尾事故');

    const before = text((await core.call('exports.preview', { kind: 'daily', period: { date: '2026-11-22' } })).html);
    expect(before).toContain('共造成2人死亡、3人失踪、2人重伤、5人受伤');
    expect(before).not.toContain('续报情况');
    // The calendar day 23 Nov (00:00–24:00) is another period than the shift.
    const day = await core.call('exports.preview', { kind: 'daily', period: { day: '2026-11-23' } });
    expect(text(day.html)).toContain('2026年11月23日，共接报突发事件');
  }, 60_000);

  it('leaves sensitive incidents out of a downward issue unless included, and marks an issue that carries one', async () => {
    const { core, sensitiveId } = await shiftWithOngoing(0);
    const down = { date: '2026-11-23', distribution: { bao: '', song: '', fa: '各区政府' } };
    const p = await core.call('exports.preview', { kind: 'daily', period: down });
    expect(p.sensitive).toEqual([expect.objectContaining({ id: sensitiveId, included: false })]);
    expect(text(p.html)).not.toContain('某小区业主集体上访');
    expect(text(p.html)).not.toContain('内部资料');

    const up = await core.call('exports.preview', { kind: 'daily', period: shift });
    expect(text(up.html)).toContain('某小区业主集体上访');
    expect(text(up.html)).toContain('内部资料　注意保存');

    await core.call('settings.update', { sensitiveMarking: '内部资料' });
    const chosen = await core.call('exports.dailyReport', {
      period: { ...down, includeSensitive: [sensitiveId] },
      format: 'docx',
    });
    const xml = await unzipText(chosen.base64, 'word/document.xml');
    expect(xml).toContain('某小区业主集体上访');
    expect(xml).toMatch(/<w:t[^>]*>内部资料<\/w:t>/);
  }, 60_000);

  it('issues a 专报 with its document number, signature block and a 版记 without sender details', async () => {
    const { core, fireId } = await shiftWithOngoing(0);
    await core.call('settings.update', { documentNumberPrefix: '市值专', specialCc: '市应急管理局' });
    const reports = (await core.call('incidents.get', { id: fireId })).reports;
    const followup = reports.find((r) => r.kind === 'followup')!;
    const file = await core.call('exports.specialReport', { reportId: followup.id, format: 'docx' });
    const xml = await unzipText(file.base64, 'word/document.xml');
    expect(xml).toContain('市值专〔2026〕1号');
    expect(xml).toContain('截至15时30分，死亡人数由2人增至3人，失踪人数由3人减至1人；直接经济损失初步估计850万元。');
    expect(xml).toContain('经常务副市长决定启动危险化学品事故应急预案Ⅲ级响应；14时30分，经市长决定提升为Ⅱ级响应');
    // Terminated after the 续报 went up: not told in it.
    expect(xml).not.toContain('17时10分终止');
    expect(xml).toContain('抄送：市应急管理局');
    expect(xml).not.toMatch(/报送人|报送方式|审计链/);
    const again = await core.call('exports.specialReport', { reportId: followup.id, format: 'docx' });
    expect(again.base64).toBe(file.base64);
  }, 60_000);
});
