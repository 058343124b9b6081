import { describe, expect, it } from 'vitest';
import { groupHistoryItems } from './group-history-items';

const item = (
  id: string,
  groupId: string | null,
  createdAt: string,
  label: string | null = id,
) => ({ id, label, groupId, createdAt });

describe('groupHistoryItems', () => {
  it('lists a group once, where its newest member was, members by label (unlabelled last)', () => {
    const entries = groupHistoryItems([
      item('single-new', null, '2026-01-01T12:00:03.000Z'),
      item('x1', 'g1', '2026-01-01T12:00:02.000Z', null),
      item('bob', 'g1', '2026-01-01T12:00:02.000Z'),
      item('amy', 'g1', '2026-01-01T12:00:02.000Z'),
      item('single-old', null, '2026-01-01T12:00:01.000Z'),
      item('cid', 'g1', '2026-01-01T12:00:02.000Z'),
    ]);
    expect(entries.map((e) => (e.kind === 'single' ? e.item.id : e.groupId))).toEqual([
      'single-new',
      'g1',
      'single-old',
    ]);
    const group = entries[1];
    expect(group?.kind === 'group' && group.items.map((m) => m.id)).toEqual([
      'amy',
      'bob',
      'cid',
      'x1',
    ]);
  });

  it('keeps two groups apart and leaves ungrouped pages as they are', () => {
    const entries = groupHistoryItems([
      item('a', 'g2', '2026-01-01T12:00:00.000Z'),
      item('b', 'g1', '2026-01-01T11:00:00.000Z'),
    ]);
    expect(entries.map((e) => e.kind)).toEqual(['group', 'group']);
    expect(groupHistoryItems([item('x', null, '2026-01-01T12:00:00.000Z')])).toEqual([
      { kind: 'single', item: item('x', null, '2026-01-01T12:00:00.000Z') },
    ]);
  });
});
