import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { NavCount } from '../../renderer/src/app/NavCount';
import { renderUi } from './render';

describe('navigation counts', () => {
  it('reads as a number however many are overdue (a busy room showed "6…" for 600)', () => {
    renderUi(
      <>
        <NavCount count={7} urgent testId="few" />
        <NavCount count={42} urgent={false} testId="some" />
        <NavCount count={600} urgent testId="many" />
      </>,
    );
    expect(screen.getByTestId('few').textContent).toBe('7');
    expect(screen.getByTestId('some').textContent).toBe('42');
    expect(screen.getByTestId('many').textContent).toBe('99+');
    // Only a single digit sits in a fixed circle; wider counts get a pill that fits them.
    expect(screen.getByTestId('few').hasAttribute('data-circle')).toBe(true);
    expect(screen.getByTestId('many').hasAttribute('data-circle')).toBe(false);
  });
});
