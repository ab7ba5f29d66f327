import { createTheme } from '@mantine/core';

/** Base font ≥ 15 px for a screen read at arm's length at 3 a.m.; CJK-first font stack. */
export const theme = createTheme({
  fontFamily:
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, -apple-system, "Segoe UI", sans-serif',
  fontSizes: { xs: '13px', sm: '15px', md: '16px', lg: '18px', xl: '20px' },
  primaryColor: 'blue',
  focusRing: 'always',
});
