import type { Page } from 'playwright-core';

/** Page object for the Handover area and the header's operator switch. */
export class HandoverPage {
  constructor(readonly page: Page) {}

  async switchOperator(name: string, pin?: string): Promise<void> {
    await this.page.getByTestId('operator-button').click();
    await this.page.getByTestId('operator-person').click();
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    if (pin) await this.page.getByTestId('operator-pin').fill(pin);
    await this.page.getByTestId('operator-confirm').click();
    await this.page.getByTestId('operator-confirm').waitFor({ state: 'detached' });
  }

  async draft(): Promise<void> {
    await this.page.getByTestId('handover-draft').click();
    await this.page.getByTestId('handover-detail').waitFor();
  }

  async setEquipment(item: 'phone' | 'fax' | 'video' | 'satellite', label: string): Promise<void> {
    await this.page.getByTestId(`equipment-${item}`).getByText(label, { exact: true }).click();
  }

  /** Signs as `name` (the incoming officer is never pre-selected) with their PIN. */
  async sign(side: 'outgoing' | 'incoming', pin: string, name?: string): Promise<void> {
    if (name) {
      await this.page.getByTestId(`sign-${side}-person`).click();
      await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    }
    await this.page.getByTestId(`sign-${side}-pin`).fill(pin);
    await this.page.getByTestId(`sign-${side}-submit`).click();
    await this.page.getByTestId(`sign-${side}-submit`).waitFor({ state: 'detached' });
  }

  async review(comment: string, pin: string): Promise<void> {
    await this.page.getByTestId('sign-review-pin').fill(pin);
    await this.page.getByTestId('review-comment').fill(comment);
    await this.page.getByTestId('sign-review-submit').click();
    await this.page.getByTestId('sign-review-submit').waitFor({ state: 'detached' });
  }

  status() {
    return this.page.getByTestId('handover-status').innerText();
  }
}
