import type { ExportedFile } from '../contract/documents';
import type { CoreContext } from '../context';
import { rosterMonth } from '../roster/roster-repo';
import { getSettings } from '../settings/settings-repo';
import type { DocumentModel } from './blocks';
import { recordDocument } from './document-file';
import { renderDocx } from './docx-lazily';
import { safeFileName } from './wording';

/**
 * The parts of the roster feature's month (contract RosterMonth) that a posted roster prints. Typed
 * structurally here so the layout is written and tested on its own; the roster feature supplies the data.
 */
export interface RosterMonthView {
  month: string;
  days: {
    date: string;
    weekday: number;
    holiday: { name: string } | null;
    shifts: {
      shift: 'full' | 'day' | 'night';
      slots: { role: 'leader' | 'lead' | 'second'; person: { name: string; phones: string[] } | null }[];
    }[];
  }[];
}

const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const SHIFT_ZH = { full: '全天', day: '白班', night: '夜班' } as const;
const HEAD = ['日期', '星期', '班次', '带班领导', '主班', '副班', '联系电话'];
const WIDTHS = [12, 6, 6, 14, 14, 14, 44];

/** One row per shift: date, weekday (holiday named), shift, leader, lead, second, everyone's phones. */
export function rosterRows(view: RosterMonthView): string[][] {
  return view.days.flatMap((d) =>
    d.shifts.map((s) => {
      const names = (role: 'leader' | 'lead' | 'second') =>
        s.slots
          .filter((x) => x.role === role && x.person)
          .map((x) => x.person!.name)
          .join('、');
      const phones = s.slots
        .filter((x) => x.person?.phones.length)
        .map((x) => `${x.person!.name} ${x.person!.phones.join('/')}`)
        .join('；');
      return [
        d.date,
        `${WEEKDAY_ZH[d.weekday]}${d.holiday ? `（${d.holiday.name}）` : ''}`,
        SHIFT_ZH[s.shift],
        names('leader'),
        names('lead'),
        names('second'),
        phones,
      ];
    }),
  );
}

export function rosterTitle(view: RosterMonthView, dutyRoomName: string): string {
  const [y, m] = view.month.split('-').map(Number);
  return `${dutyRoomName}${y}年${m}月值班表`;
}

/** For posting on the wall: A4 landscape, title and one table. */
export function rosterDocument(view: RosterMonthView, dutyRoomName: string): DocumentModel {
  const title = rosterTitle(view, dutyRoomName);
  return {
    title,
    landscape: true,
    blocks: [
      { t: 'title', text: title },
      { t: 'table', head: HEAD, rows: rosterRows(view), widths: WIDTHS },
    ],
  };
}

/** One sheet, frozen header, A4 landscape fitted to the page width, header repeated on every page. */
export async function rosterXlsx(view: RosterMonthView, dutyRoomName: string): Promise<Buffer> {
  // Loaded here, not at start: ExcelJS takes a third of a second to load, and only the roster's XLSX uses it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duty Room Console';
  const ws = wb.addWorksheet(view.month, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: `&C${rosterTitle(view, dutyRoomName)}`, oddFooter: '&C— &P —' },
  });
  ws.columns = HEAD.map((header, i) => ({ header, width: WIDTHS[i] }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(rosterRows(view));
  ws.pageSetup.printTitlesRow = '1:1';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The month from the roster feature (swaps and stand-ins already applied), as a file for posting. */
export async function exportRoster(
  ctx: CoreContext,
  input: { month: string; format: 'xlsx' | 'docx' },
): Promise<ExportedFile> {
  const view = await rosterMonth(ctx, input.month);
  const name = (await getSettings(ctx)).dutyRoomName;
  const bytes = input.format === 'xlsx' ? await rosterXlsx(view, name) : await renderDocx(rosterDocument(view, name));
  return ctx.tx(async (ctx) =>
    recordDocument(ctx, {
      kind: 'roster',
      format: input.format,
      subject: { month: input.month },
      fileName: safeFileName(`${rosterTitle(view, name)}.${input.format}`),
      bytes,
    }),
  );
}
