import type { Page } from 'playwright-core';

/** Page object for the Roster area (month view, swaps). */
export class RosterPage {
  constructor(readonly page: Page) {}

  async generateMonth(): Promise<void> {
    await this.page.getByTestId('roster-generate').click();
    await this.page.getByTestId('generate-submit').click();
    await this.page.getByTestId('generate-submit').waitFor({ state: 'detached' });
  }

  slot(date: string, role: 'leader' | 'lead' | 'second', shift = 'full') {
    return this.page.getByTestId(`slot-${date}-${shift}-${role}-0`);
  }

  async swap(date: string, withDate: string, reason: string, approver: string): Promise<void> {
    await this.slot(date, 'lead').click();
    await this.page.getByTestId('swap-with').click();
    await this.page.getByRole('option', { name: new RegExp(`^${withDate.slice(5)}`) }).click();
    await this.page.getByTestId('slot-reason').fill(reason);
    await this.page.getByTestId('slot-approver').fill(approver);
    await this.page.getByTestId('slot-submit').click();
    await this.page.getByTestId('slot-submit').waitFor({ state: 'detached' });
  }

  changesText() {
    return this.page.getByTestId('roster-changes').innerText();
  }
}
