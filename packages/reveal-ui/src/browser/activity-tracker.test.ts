import { describe, expect, it } from 'vitest';
import { ActivityTracker, type TrackedItem } from './activity-tracker';

const item = (id: string, fields: Partial<TrackedItem> = {}): TrackedItem => ({
  id,
  status: 'active',
  views: 0,
  remainingViews: 1,
  notify: true,
  ...fields,
});

describe('ActivityTracker', () => {
  it('takes the first page as the baseline and reports views gained after it', () => {
    const tracker = new ActivityTracker();
    expect(tracker.observeHistory([item('a', { views: 1, status: 'viewed' }), item('b')])).toEqual(
      [],
    );
    expect(tracker.isOpened('a')).toBe(true);
    expect(tracker.isOpened('b')).toBe(false);
    expect(tracker.observeHistory([item('b', { views: 1, status: 'viewed' })])).toEqual(['b']);
    expect(tracker.isOpened('b')).toBe(true);
    // Seen once, reported once.
    expect(tracker.observeHistory([item('b', { views: 1, status: 'viewed' })])).toEqual([]);
  });

  it('reports an opened event as news only after the baseline trail was seen', () => {
    const tracker = new ActivityTracker();
    tracker.observeHistory([item('old'), item('quiet')]);
    // Opened before the page loaded: a badge, no announcement.
    expect(tracker.observeEvents('old', [{ type: 'created' }, { type: 'opened' }])).toBe(false);
    expect(tracker.isOpened('old')).toBe(true);
    expect(tracker.observeEvents('quiet', [{ type: 'created' }])).toBe(false);
    expect(tracker.observeEvents('quiet', [{ type: 'created' }, { type: 'opened' }])).toBe(true);
    // A secret created after the baseline: its first opened is news.
    tracker.observeHistory([item('new'), item('old'), item('quiet')]);
    expect(tracker.observeEvents('new', [{ type: 'created' }, { type: 'opened' }])).toBe(true);
  });

  it('watches unopened, openable secrets with notify, in turns', () => {
    const tracker = new ActivityTracker();
    tracker.observeHistory([
      item('a'),
      item('b'),
      item('c'),
      item('silent', { notify: false }),
      item('gone', { status: 'burned', remainingViews: 0 }),
      item('seen', { views: 1, status: 'viewed', remainingViews: 0 }),
    ]);
    expect(tracker.nextToWatch(5)).toEqual(['a', 'b', 'c']);
    expect(tracker.nextToWatch(2)).toEqual(['a', 'b']);
    expect(tracker.nextToWatch(2)).toEqual(['c', 'a']);
    tracker.observeEvents('a', [{ type: 'opened' }]);
    expect(tracker.nextToWatch(5)).toEqual(['b', 'c']);
  });
});
