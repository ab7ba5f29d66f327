import type { Page } from 'playwright-core';

/** Page object for the first screen of an empty duty room: setup wizard and demo. */
export class FirstRunPage {
  constructor(readonly page: Page) {}

  async loadDemo(): Promise<void> {
    await this.page.getByTestId('seed-demo').click();
    await this.page.getByTestId('demo-ready').waitFor({ timeout: 60_000 });
  }

  /** The whole guided setup: people as [name, PIN] with the roles of a small duty room. */
  async setUp(people: { name: string; pin: string }[]): Promise<void> {
    const p = this.page;
    await p.getByTestId('start-setup').click();
    await p.getByTestId('setup-next').click();
    for (let i = 0; i < people.length; i++) {
      if (i >= 3) await p.getByTestId('setup-add-person').click();
      const row = p.getByTestId(`setup-person-${i}`);
      await row.getByRole('textbox').first().fill(people[i]!.name);
      await row.getByLabel('PIN').fill(people[i]!.pin);
    }
    await p.getByTestId('setup-next').click();
    await p.getByTestId('setup-next').click();
    await p.getByTestId('setup-finish').click();
    await p.getByTestId('setup-finish').waitFor({ state: 'detached' });
  }
}
