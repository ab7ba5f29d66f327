import { notifications } from '@mantine/notifications';

/**
 * The one way the renderer shows a passing message. The same message while it is still on screen is not
 * stacked a second time (an officer pressing save twice, or two panels failing alike, sees one toast):
 * its id is its text, and Mantine ignores a show for an id already showing.
 */
export function toast(n: { color: 'red' | 'green' | 'orange' | 'blue'; title?: string; message: string }): void {
  notifications.show({ ...n, id: `toast:${n.color}:${n.title ?? ''}:${n.message}` });
}
