import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/src/i18n/resources';
import { ENGLISH_WITH_CHINESE, flatten } from './english-allowed';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

describe('the English locale', () => {
  it('has Chinese only where it is meant to', () => {
    const withChinese = flatten(resources.en.translation)
      .filter(([, v]) => CJK.test(v))
      .map(([k]) => k)
      .sort();
    expect(withChinese).toEqual(Object.keys(ENGLISH_WITH_CHINESE).sort());
  });
});
