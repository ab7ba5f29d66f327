import zhCN from './zh-CN.json';
import en from './en.json';

type Tree = { [k: string]: string | Tree };

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    into[k] = typeof v === 'object' && typeof cur === 'object' ? merge({ ...cur }, v) : v;
  }
  return into;
}

// Each feature keeps its words beside it in features/<area>/locales/{zh-CN,en}.json.
const featureFiles = import.meta.glob<Tree>('../features/*/locales/*.json', { eager: true, import: 'default' });

function localeTree(base: Tree, lang: 'zh-CN' | 'en'): Tree {
  const tree = merge({}, base);
  for (const [path, content] of Object.entries(featureFiles)) {
    if (path.endsWith(`/${lang}.json`)) merge(tree, content);
  }
  return tree;
}

export const resources = {
  'zh-CN': { translation: localeTree(zhCN, 'zh-CN') },
  en: { translation: localeTree(en, 'en') },
};
