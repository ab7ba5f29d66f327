import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexText } from '../../electron/core/incidents/search-text';

/** The index text as first written: regex replaces. The one-pass version must store the same tokens. */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]+/gu;
function reference(text: string): string {
  const runTokens = (run: string) => {
    const chars = Array.from(run);
    return ` ${chars
      .slice(1)
      .map((ch, i) => chars[i]! + ch + ' ')
      .join('')}${chars[chars.length - 1]} `;
  };
  return text.replace(CJK, runTokens).replace(/\s+/g, ' ').trim();
}

describe('search index text', () => {
  it('splits CJK runs into bigrams and a last character, leaving other words whole', () => {
    expect(indexText('化工厂 储罐 fire-2 火')).toBe('化工 工厂 厂 储罐 罐 fire-2 火');
    expect(indexText('  B2026-0001号\u3000化工园区火灾\n')).toBe('B2026-0001 号 化工 工园 园区 区火 火灾 灾');
    expect(indexText('')).toBe('');
  });

  it('stores what the regex form stored, for any text (records indexed before stay findable)', () => {
    const alphabet = fc.constantFrom(
      'a',
      'Z',
      '7',
      '-',
      '"',
      ' ',
      '\t',
      '\n',
      '\u3000',
      '\u00a0',
      '\ufeff',
      '\u2028',
      '火',
      '灾',
      '。',
      '，',
      '\u3400',
      '\u9fff',
      '\uf900',
      '𠀀',
      '\ud800',
      '\udc00',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 16 }), (chars) => {
        const text = chars.join('');
        expect(indexText(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(indexText(text)).toBe(reference(text));
      }),
    );
  });
});
