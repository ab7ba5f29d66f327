import type { Page } from 'playwright-core';

/** Page object for the duty log: incident form, list, detail and report chain. */
export class IncidentsPage {
  constructor(readonly page: Page) {}

  async logCall(call: { party: string; number: string; gist: string }): Promise<void> {
    await this.page.keyboard.press('Control+l');
    await this.page.getByTestId('call-form').waitFor();
    await this.page.getByTestId('call-party').fill(call.party);
    await this.page.getByTestId('call-number').fill(call.number);
    await this.page.getByTestId('call-gist').fill(call.gist);
    await this.page.getByTestId('call-gist').press('Enter');
    await this.page.getByTestId('call-form').waitFor({ state: 'detached' });
  }

  async openNewIncident(): Promise<void> {
    await this.page.keyboard.press('Control+n');
    await this.page.getByTestId('incident-form').waitFor();
  }

  async fillIncident(f: {
    title: string;
    place: string;
    summary: string;
    level: string;
    deaths: number;
    involvedUnit: string;
    measures: string;
    economicLoss: number;
  }) {
    const p = this.page;
    await p.getByTestId('incident-title').fill(f.title);
    await p.getByTestId('incident-place').fill(f.place);
    await p.getByTestId('incident-involvedUnit').fill(f.involvedUnit);
    await p.getByTestId('incident-casualty-deaths').fill(String(f.deaths));
    await p.getByTestId('incident-economicLoss').fill(String(f.economicLoss));
    await p.getByTestId('incident-level').click();
    await p.getByRole('option', { name: f.level }).click();
    await p.getByTestId('incident-summary').fill(f.summary);
    await p.getByTestId('incident-measures').fill(f.measures);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('incident-save').click();
  }

  async sendInitialReport(r: { recipient: string; leader: string; sender: string }): Promise<void> {
    const p = this.page;
    await p.getByTestId('tab-reports').click();
    await p.getByTestId('draft-initial').click();
    await p.getByTestId('report-draft-initial').waitFor();
    await p.getByTestId('report-recipient').fill(r.recipient);
    await p.getByTestId('report-leader').fill(r.leader);
    await p.getByTestId('report-sender').fill(r.sender);
    await p.getByTestId('report-send').click();
    await p.getByTestId('report-draft-initial').waitFor({ state: 'detached' });
  }

  deadlineState(kind: string) {
    return this.page.getByTestId('detail-deadlines').getByTestId(`deadline-${kind}`).getAttribute('data-state');
  }
}
