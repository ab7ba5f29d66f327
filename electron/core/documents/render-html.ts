import { signatureIndents, titleLines, type Block, type DocumentModel } from './blocks';
import { FONTS, MARGIN_MM, type FontRole } from './gbt9704';
import { imprintScript } from './imprint-foot';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const stack = (role: FontRole, generic = 'serif') => [...FONTS[role].map((f) => `"${f}"`), generic].join(', ');

/**
 * GB/T 9704 in CSS: the same page the Word file describes. 22 lines of 28.95 pt fill the 225 mm type area;
 * page numbers use @page margin boxes (odd right, even left), which Chromium prints.
 */
const CSS = `
@page { size: A4; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt ${stack('songti')};
  vertical-align: top; padding-top: 7mm; padding-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt ${stack('songti')};
  vertical-align: top; padding-top: 7mm; padding-left: 1em; } }
html { background: #e9ecef; }
body { margin: 0; font-family: "Times New Roman", ${stack('fangsong')}; font-size: 16pt; line-height: 28.95pt;
  color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 156mm; min-height: 225mm; margin: 8mm auto; background: #fff;
  padding: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm;
  box-shadow: 0 1px 6px rgba(0,0,0,.25); }
@media print { html { background: none; } .sheet { margin: 0; padding: 0; box-shadow: none; min-height: 0; } }
p { margin: 0; text-align: justify; orphans: 1; widows: 1; }
.indent { text-indent: 2em; }
.right { text-align: right; }
.masthead h1 { color: #f00; font: 36pt/1.4 ${stack('xiaobiaosong')}; text-align: center; margin: 0 0 4mm;
  letter-spacing: .1em; }
.masthead .marking { font-family: ${stack('heiti', 'sans-serif')}; }
.masthead .issue { text-align: center; }
.masthead .line { display: flex; justify-content: space-between; border-bottom: 3px solid #f00; padding-bottom: 1mm; }
.masthead .line.number { padding: 0 1em 1mm; }
.kaiti { font-family: ${stack('kaiti')}; }
.blank { height: 28.95pt; }
h2.title { font: 22pt/28.95pt ${stack('xiaobiaosong')}; text-align: center; margin: 0 0 28.95pt; break-after: avoid; }
h3 { margin: 0; font-weight: normal; text-indent: 2em; font-size: 16pt; break-after: avoid; }
h3.l1 { font-family: ${stack('heiti', 'sans-serif')}; }
h3.l2 { font-family: ${stack('kaiti')}; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 14pt; line-height: 1.5; margin: 0 0 28.95pt; }
th, td { border: 1px solid #000; text-align: center; padding: 0 1mm; font-weight: normal; }
.imprint { margin-top: 28.95pt; border-top: 1.3px solid #000; border-bottom: 1.3px solid #000;
  font-size: 14pt; line-height: 28.95pt; break-inside: avoid; }
.imprint p { display: flex; justify-content: space-between; padding: 0 1em; text-align: left; }
.imprint p + p:last-child { border-top: 1px solid #000; }
`;

/** 297 × 210 mm less the same margins: a 243 × 138 mm type area. */
const LANDSCAPE = `@page { size: A4 landscape; } .sheet { width: 243mm; min-height: 138mm; }`;

function masthead(b: Extract<Block, { t: 'masthead' }>): string {
  const line = b.docNumber
    ? `<div class="line number"><span>${esc(b.docNumber)}</span><span>签发人：<span class="kaiti">${esc(
        b.signer ?? '',
      )}</span></span></div>`
    : `<div class="line"><span>${esc(b.office)}</span><span>${esc(b.date)}</span></div>`;
  return `<div class="masthead">${b.marking ? `<p class="marking">${esc(b.marking)}</p>` : ''}<h1>${esc(b.title)}</h1>${
    b.issue ? `<p class="issue">${esc(b.issue)}</p>` : ''
  }${line}</div>`;
}

function block(b: Block): string {
  switch (b.t) {
    case 'masthead':
      return masthead(b);
    case 'title':
      return `<h2 class="title">${titleLines(b.text).map(esc).join('<br>')}</h2>`;
    case 'heading':
      return `<h3 class="l${b.level}">${esc(b.text)}</h3>`;
    case 'para':
      return b.text
        .split('\n')
        .map((l) => `<p class="${b.align === 'right' ? 'right' : b.flush ? '' : 'indent'}">${esc(l)}</p>`)
        .join('');
    case 'blank':
      return '<div class="blank"></div>'.repeat(b.lines);
    case 'signature': {
      const ind = signatureIndents(b.office, b.date);
      return `<div class="blank"></div><div class="blank"></div><p class="right" style="padding-right:${ind.office}em">${esc(
        b.office,
      )}</p><p class="right" style="padding-right:${ind.date}em">${esc(b.date)}</p>`;
    }
    case 'table': {
      const row = (cells: string[], tag: string) =>
        `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
      const total = b.widths.reduce((a, w) => a + w, 0);
      const cols = b.widths.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join('');
      return `<table><colgroup>${cols}</colgroup><thead>${row(b.head, 'th')}</thead><tbody>${b.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
    }
    case 'imprint':
      return `<div class="imprint">${b.lines
        .map((l) => `<p><span>${esc(l.text)}</span>${l.right ? `<span>${esc(l.right)}</span>` : ''}</p>`)
        .join('')}</div>`;
  }
}

/** One self-contained page: the on-screen preview (in an iframe) and the PDF source. */
export function renderHtml(model: DocumentModel): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(model.title)}</title>
<style>${CSS}${model.landscape ? LANDSCAPE : ''}</style></head><body><div class="sheet">${model.blocks.map(block).join('\n')}</div>${imprintScript(model.landscape ? 138 : 225)}</body></html>`;
}
