import type { Page } from 'playwright-core';

/** Page object for the reporting rules: the figures of the incident form, the phone report, the 初报. */
export class ReportingPage {
  constructor(readonly page: Page) {}

  async fillFigures(f: { deaths: number; missing: number; seriouslyInjured: number }) {
    const p = this.page;
    await p.getByTestId('incident-casualty-deaths').fill(String(f.deaths));
    await p.getByTestId('incident-casualty-missing').fill(String(f.missing));
    await p.getByTestId('incident-casualty-seriouslyInjured').fill(String(f.seriouslyInjured));
  }

  suggestion() {
    return this.page.getByTestId('grade-suggestion').innerText();
  }

  /** The phone report: the outgoing call to the reporting recipient, logged from the report chain. */
  async reportByPhone(gist: string) {
    const p = this.page;
    await p.getByTestId('tab-reports').click();
    await p.getByTestId('report-by-phone').click();
    await p.getByTestId('call-form').waitFor();
    await p.getByTestId('call-gist').fill(gist);
    await p.getByTestId('call-save').click();
    await p
      .getByTestId('call-form')
      .waitFor({ state: 'detached' })
      .catch(async (e: Error) => {
        // Still open (once in CI, never reproduced): say what the form shows, a refusal names its field.
        const shown = await p
          .getByTestId('call-form')
          .innerText({ timeout: 1000 })
          .catch(() => '(gone)');
        throw new Error(`${e.message}\nthe call form still shows: ${shown}`);
      });
  }

  async sendInitial(r: { leader: string; sender: string }) {
    const p = this.page;
    await p.getByTestId('draft-initial').click();
    await p.getByTestId('report-draft-initial').waitFor();
    await p.getByTestId('report-leader').fill(r.leader);
    await p.getByTestId('report-sender').fill(r.sender);
    await p.getByTestId('report-send').click();
  }
}
