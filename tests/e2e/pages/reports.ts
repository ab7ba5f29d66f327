import type { Download, Page } from 'playwright-core';

/** Page object for 报表: options, the preview iframe and the export buttons. */
export class DocumentsPage {
  constructor(readonly page: Page) {}

  async chooseKind(kind: 'daily' | 'special' | 'log' | 'roster' | 'issued'): Promise<void> {
    const labels = { daily: '值班信息', special: '专报', log: '值班日志', roster: '值班表', issued: '已签发' };
    await this.page.getByTestId('report-kind').getByText(labels[kind], { exact: true }).click();
  }

  async setDate(date: string): Promise<void> {
    await this.page.getByTestId('daily-date').fill(date);
  }

  /** Text of the document in the preview iframe. */
  previewText(): Promise<string> {
    return this.page
      .frameLocator('[data-testid="report-preview"]')
      .locator('body')
      .innerText({ timeout: 10_000 })
      .catch(() => '');
  }

  async pick(testId: string, optionText: string): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page.getByRole('option', { name: new RegExp(optionText) }).click();
  }

  async exportAs(format: 'docx' | 'pdf' | 'xlsx' | 'csv' | 'roster-xlsx'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      this.page.getByTestId(`export-${format}`).click(),
    ]);
    return download;
  }
}
