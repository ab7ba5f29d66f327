import type { Page } from 'playwright-core';

/** Page object for the app shell: navigation and header controls. */
export class AppShellPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('nav-log').waitFor();
  }

  async go(area: 'now' | 'log' | 'plans' | 'roster' | 'handover' | 'reports' | 'settings'): Promise<void> {
    await this.page.getByTestId(`nav-${area}`).click();
  }

  /** The area's label, without the count badge beside it. */
  navText(area: string) {
    return this.page.getByTestId(`nav-${area}`).locator('.mantine-NavLink-label').innerText();
  }

  async toggleLanguage(): Promise<void> {
    await this.page.getByTestId('toggle-language').click();
  }

  dutyRoomName() {
    return this.page.getByTestId('duty-room-name').innerText();
  }
}
