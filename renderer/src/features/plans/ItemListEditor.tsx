import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '@contract';

/** A fresh item key not used in the level yet. */
function nextId(items: PlanItem[]): string {
  let n = items.length + 1;
  while (items.some((i) => i.id === `item-${n}`)) n++;
  return `item-${n}`;
}

/** Rows are addressed by position: an item's own id is editable text and may be blank or repeated. */
const rowId = (i: number) => `row-${i}`;

/**
 * The ordered items of one level. Reorder by dragging the grip (@dnd-kit), by keyboard on the grip
 * (Space picks up, arrows move, Space drops, Esc cancels), or with the up/down buttons.
 */
export function ItemListEditor(props: {
  items: PlanItem[];
  /** Field errors keyed by path relative to this level, e.g. `2.limitMinutes`. */
  errors: Record<string, string>;
  onChange(items: PlanItem[]): void;
}) {
  const { t } = useTranslation();
  const { items, errors, onChange } = props;
  const set = (i: number, patch: Partial<PlanItem>) =>
    onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const move = (from: number, to: number) => onChange(arrayMove(items, from, to));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(Number(String(active.id).slice(4)), Number(String(over.id).slice(4)));
  };
  const position = (id: string | number) => Number(String(id).slice(4)) + 1;

  return (
    <Stack gap="xs">
      {items.length === 0 && <Text c="dimmed">{t('plans.editor.empty')}</Text>}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('plans.editor.dragHelp') },
          announcements: {
            onDragStart: ({ active }) => t('plans.editor.dragPicked', { n: position(active.id) }),
            onDragOver: ({ over }) => (over ? t('plans.editor.dragOver', { n: position(over.id) }) : undefined),
            onDragEnd: ({ over }) => (over ? t('plans.editor.dragDropped', { n: position(over.id) }) : undefined),
            onDragCancel: () => t('plans.editor.dragCancelled'),
          },
        }}
      >
        <SortableContext items={items.map((_, i) => rowId(i))} strategy={verticalListSortingStrategy}>
          {items.map((item, i) => (
            <SortableRow key={i} index={i}>
              <Text fw={700} w={24} pt={28}>
                {i + 1}
              </Text>
              <Stack gap={6} style={{ flex: 1 }}>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    label={t('plans.editor.itemId')}
                    w={120}
                    value={item.id}
                    onChange={(e) => set(i, { id: e.currentTarget.value })}
                    error={errors[`${i}.id`]}
                    data-testid={`item-id-${i}`}
                  />
                  <TextInput
                    label={t('plans.editor.action')}
                    required
                    style={{ flex: 1 }}
                    value={item.action}
                    onChange={(e) => set(i, { action: e.currentTarget.value })}
                    error={errors[`${i}.action`]}
                    data-testid={`item-action-${i}`}
                  />
                </Group>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    label={t('plans.editor.responsible')}
                    style={{ flex: 1, minWidth: 0 }}
                    value={item.responsible}
                    onChange={(e) => set(i, { responsible: e.currentTarget.value })}
                    error={errors[`${i}.responsible`]}
                  />
                  <TextInput
                    label={t('plans.editor.contact')}
                    style={{ flex: 1, minWidth: 0 }}
                    value={item.contact}
                    onChange={(e) => set(i, { contact: e.currentTarget.value })}
                    error={errors[`${i}.contact`]}
                  />
                  <NumberInput
                    label={t('plans.editor.limit')}
                    w={110}
                    value={item.limitMinutes}
                    allowDecimal={false}
                    onChange={(v) => set(i, { limitMinutes: typeof v === 'number' ? v : Number(v) })}
                    error={errors[`${i}.limitMinutes`]}
                    data-testid={`item-limit-${i}`}
                  />
                  <Checkbox
                    label={t('plans.editor.required')}
                    mt={30}
                    style={{ flexShrink: 0 }}
                    checked={item.required}
                    onChange={(e) => set(i, { required: e.currentTarget.checked })}
                  />
                </Group>
              </Stack>
              <Stack gap={2} pt={22}>
                <Tooltip label={t('plans.editor.moveUp')}>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                    aria-label={t('plans.editor.moveUp')}
                    data-testid={`item-up-${i}`}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('plans.editor.moveDown')}>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === items.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label={t('plans.editor.moveDown')}
                    data-testid={`item-down-${i}`}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('plans.editor.remove')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onChange(items.filter((_, j) => j !== i))}
                    aria-label={t('plans.editor.remove')}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Stack>
            </SortableRow>
          ))}
        </SortableContext>
      </DndContext>
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            onChange([
              ...items,
              { id: nextId(items), action: '', responsible: '', contact: '', limitMinutes: 30, required: true },
            ])
          }
          data-testid="add-item"
        >
          {t('plans.editor.addItem')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One item's card, moved by its grip handle; the rest of the card stays free for typing. */
function SortableRow({ index, children }: { index: number; children: ReactNode }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: rowId(index),
  });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      data-testid={`editor-item-${index}`}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
        boxShadow: isDragging ? 'var(--mantine-shadow-md)' : undefined,
      }}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray"
          mt={26}
          style={{ cursor: 'grab', touchAction: 'none' }}
          {...attributes}
          {...listeners}
          aria-label={t('plans.editor.drag', { n: index + 1 })}
          data-testid={`item-drag-${index}`}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
        {children}
      </Group>
    </Paper>
  );
}
