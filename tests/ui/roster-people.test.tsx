import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { PeoplePanel } from '../../renderer/src/features/roster/PeoplePanel';
import { generateNovember, seedPeople } from '../core/roster-fixtures';
import { renderUi, withCore } from './render';

function mount() {
  return renderUi(
    <SettingsProvider fallback={<div>loading</div>}>
      <PeoplePanel />
    </SettingsProvider>,
  );
}

describe('PeoplePanel', () => {
  it('refuses to delete a rostered person with a translated message, and keeps them', async () => {
    const core = await withCore();
    const p = await seedPeople(core);
    await generateNovember(core, p);
    mount();
    fireEvent.click(await screen.findByTestId(`person-delete-${p.leads[0]!.id}`));
    // A Mantine confirm modal asks first (never window.confirm); cancelling deletes nothing.
    expect(await screen.findByText(/删除 张伟？/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('confirm-no'));
    await waitFor(() => expect(screen.queryByText(/删除 张伟？/)).toBeNull());
    fireEvent.click(screen.getByTestId(`person-delete-${p.leads[0]!.id}`));
    fireEvent.click(await screen.findByTestId('confirm-yes'));
    expect(await screen.findAllByText('张伟 已排入值班表或有值班记录，不能删除；请改为停用。')).not.toHaveLength(0);
    expect((await core.call('people.list', {})).map((x) => x.name)).toContain('张伟');
  });

  it('adds a person and shows an inline error when no role is chosen', async () => {
    const core = await withCore();
    mount();
    fireEvent.click(await screen.findByTestId('person-add'));
    fireEvent.change(screen.getByTestId('person-name'), { target: { value: '孙丽' } });
    fireEvent.click(screen.getByTestId('person-save'));
    expect(await screen.findAllByText(/填写的内容有误/)).not.toHaveLength(0);
    // The contract's schema caught it in the form: the roles field says why, what was typed stays.
    expect(await screen.findByText('此项必填。')).toBeTruthy();
    expect((screen.getByTestId('person-name') as HTMLInputElement).value).toBe('孙丽');
    fireEvent.click(screen.getByLabelText('副班'));
    fireEvent.click(screen.getByTestId('person-save'));
    await waitFor(async () => expect((await core.call('people.list', {})).map((x) => x.name)).toEqual(['孙丽']));
  });
});
