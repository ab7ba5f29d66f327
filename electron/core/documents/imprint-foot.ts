/**
 * The script the document HTML carries to set its 版记 at the foot of the last page (GB/T 9704 7.4).
 * CSS cannot: Chromium has no page floats or running elements, and where the text ends depends on the
 * fonts. So, once the fonts are in, the script replays how print cuts the text into pages of `typeMm`
 * height — lines of a paragraph and table rows move whole to the next page, a heading goes with the line
 * after it, a table's header repeats — and widens the 版记's top margin so its last rule ends on the
 * type area's last line. The Word file reaches the same place with a bottom-aligned frame.
 * Plain ES5 in a string: the core compiles without the DOM library, and the page needs no bundle.
 */
const PLACE_IMPRINT = `function (typeMm) {
  var sheet = document.querySelector('.sheet');
  var imprint = document.querySelector('.imprint');
  if (!sheet || !imprint) return;
  var px = function (v) { return parseFloat(v) || 0; };
  var page = (typeMm * 96) / 25.4;
  var origin = sheet.getBoundingClientRect().top + px(getComputedStyle(sheet).paddingTop);
  var shift = 0;
  // Moves a unit that would cross a page's end to the next page's start; returns its printed top.
  function place(top, height) {
    var y = top - origin + shift;
    var end = (Math.floor(y / page + 1e-6) + 1) * page;
    if (y + height > end + 0.5) { shift += end - y; return end; }
    return y;
  }
  var children = sheet.children;
  for (var i = 0; i < children.length; i++) {
    var el = children[i];
    if (el === imprint) break;
    var r = el.getBoundingClientRect();
    if (el.tagName === 'TABLE') {
      var thead = el.querySelector('thead');
      var head = thead ? thead.getBoundingClientRect().height : 0;
      var rows = el.querySelectorAll('tbody tr');
      for (var k = 0; k < rows.length; k++) {
        var rr = rows[k].getBoundingClientRect();
        var before = shift;
        place(rr.top, rr.height);
        if (shift !== before) shift += head;
      }
    } else if (el.tagName === 'P') {
      var line = px(getComputedStyle(el).lineHeight);
      var n = Math.max(1, Math.round(r.height / line));
      for (var j = 0; j < n; j++) place(r.top + j * line, line);
    } else {
      // Headings keep with the next line (break-after: avoid): placed with one more line.
      var keep = /^H[23]$/.test(el.tagName) ? px(getComputedStyle(el).lineHeight) : 0;
      place(r.top, r.height + keep);
    }
  }
  // Where the text ends in print, and where the block (one blank line below it at least) starts.
  var margin = px(getComputedStyle(imprint).marginTop);
  var box = imprint.getBoundingClientRect();
  var textEnd = box.top - margin - origin + shift;
  var y = place(box.top, box.height);
  // 1 px short of the page's end, so rounding never pushes the block over the edge.
  var target = (Math.floor(y / page + 1e-6) + 1) * page - box.height - 1;
  // A spacer, not a wider margin: print drops a margin at a page break, but an empty block's height
  // carries over to the next page when the 版记 no longer fits beside the text.
  var spacer = document.createElement('div');
  spacer.style.height = target - textEnd + 'px';
  imprint.style.marginTop = '0';
  imprint.parentNode.insertBefore(spacer, imprint);
}`;

/** The inline script for a type area `typeMm` high; it runs once the fonts are loaded. */
export function imprintScript(typeMm: number): string {
  return `<script>document.fonts.ready.then(function () { (${PLACE_IMPRINT})(${typeMm}); });</script>`;
}
