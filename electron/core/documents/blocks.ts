/**
 * A document as a list of blocks: built once from the data, then written by both the Word writer and
 * the HTML template (preview + PDF), so the two formats can never say different things.
 */
export type Block =
  /** Red masthead: big title, optional 第N期, then office (left) and date (right) over a red rule. */
  | { t: 'masthead'; title: string; issue?: string; office: string; date: string; signer?: string }
  /** 2号小标宋, centred. */
  | { t: 'title'; text: string }
  /** 一、 in 黑体 (level 1) or （一） in 楷体 (level 2). */
  | { t: 'heading'; level: 1 | 2; text: string }
  /** Body paragraph in 仿宋, first line indented two characters unless `flush`. */
  | { t: 'para'; text: string; flush?: boolean; align?: 'right' }
  | { t: 'table'; head: string[]; rows: string[][]; widths: number[] }
  /** 版记: 4号仿宋 lines between rules at the end of the document. */
  | { t: 'imprint'; lines: string[]; /** Small print under the lines (the audit head). */ note?: string };

export interface DocumentModel {
  /** Shown in the window title, used for the file name. */
  title: string;
  /** A4 turned sideways (wide tables such as the roster). */
  landscape?: boolean;
  blocks: Block[];
}
