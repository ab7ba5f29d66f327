import type { Page } from 'playwright-core';

/** Page object for the Plans area: activation dialog, checklist and plan editor. */
export class PlansPage {
  constructor(readonly page: Page) {}

  row(key: string) {
    return this.page.getByTestId(`checklist-row-${key}`);
  }

  rowState(key: string) {
    return this.row(key).getAttribute('data-state');
  }

  async pick(testId: string, option: string): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async activate(incident: string, plan: string, level: string, orderedBy: string, at: string): Promise<void> {
    await this.page.getByTestId('activate-plan').click();
    await this.pick('activate-incident-select', incident);
    // The plan that fits the incident's sub-type is chosen for us; check it is the expected one.
    await this.page
      .getByTestId('activate-plan-select')
      .and(this.page.locator(`[value="${plan}"]`))
      .waitFor();
    await this.page.getByTestId('activate-level').getByText(level).click();
    await this.page.getByTestId('activate-orderedBy').fill(orderedBy);
    await this.page.getByTestId('activate-at').fill(at);
    await this.page.getByTestId('activate-submit').click();
    await this.page.getByTestId('checklist-panel').waitFor();
  }

  async tick(key: string): Promise<void> {
    await this.page.getByTestId(`tick-${key}`).click();
    await this.row(key).and(this.page.locator('[data-state^="done"]')).waitFor();
  }

  /** Fills and submits the ordered-by dialog (change level / terminate). */
  async order(orderedBy: string, note: string): Promise<void> {
    await this.page.getByTestId('dialog-orderedBy').fill(orderedBy);
    await this.page.getByTestId('dialog-note').fill(note);
    await this.page.getByTestId('dialog-submit').click();
    await this.page.getByTestId('fields-dialog').waitFor({ state: 'detached' });
  }

  async changeLevel(level: string, orderedBy: string, note: string): Promise<void> {
    await this.page.getByTestId('change-level').click();
    await this.page.getByTestId('change-level-select').getByText(level).click();
    await this.order(orderedBy, note);
  }

  async terminate(orderedBy: string, note: string): Promise<void> {
    await this.page.getByTestId('terminate').click();
    await this.order(orderedBy, note);
    await this.page.getByTestId('checklist-frozen').waitFor();
  }
}
