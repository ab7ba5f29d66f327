import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { SettingsPage } from '../../renderer/src/features/settings/SettingsPage';
import { renderUi, withCore } from './render';

function mount() {
  return renderUi(
    <SettingsProvider fallback={<div>loading</div>}>
      <SettingsPage />
    </SettingsProvider>,
  );
}

describe('SettingsPage', () => {
  it('saves the duty room name to the database', async () => {
    const core = await withCore();
    mount();
    const input = await screen.findByTestId('settings-dutyRoomName');
    fireEvent.change(input, { target: { value: '大江市人民政府总值班室' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(async () =>
      expect((await core.call('settings.get', {})).dutyRoomName).toBe('大江市人民政府总值班室'),
    );
  });

  it('shows a translated inline error and keeps what was typed when the name is blank', async () => {
    await withCore();
    mount();
    const input = (await screen.findByTestId('settings-dutyRoomName')) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findByText('此项必填。')).toBeTruthy();
    expect(input.value).toBe('   ');
  });

  it('speaks English when the setting says so', async () => {
    const core = await withCore();
    await core.call('settings.update', { language: 'en' });
    mount();
    expect(await screen.findByText(/^Duty room name/)).toBeTruthy();
    expect(screen.queryByText(/^值班室名称/)).toBeNull();
  });
});
