import { describe, expect, it } from 'vitest';
import { createLiveChecker } from '@/lib/editor';
import type { Diagnostic, TimerLike } from '@/lib/editor';

/** A hand-driven clock: timers fire only when the test advances time. */
function fakeTimer() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timer: TimerLike = {
    setTimeout(callback, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  function advance(ms: number) {
    now += ms;
    for (const [id, entry] of [...pending]) {
      if (entry.at <= now) {
        pending.delete(id);
        entry.callback();
      }
    }
  }
  return { timer, advance, pendingCount: () => pending.size };
}

function model(initial: string) {
  let value = initial;
  let version = 1;
  return {
    getValue: () => value,
    getVersionId: () => version,
    edit(next: string) {
      value = next;
      version++;
    },
  };
}

function setup(delayMs = 300) {
  const clock = fakeTimer();
  const doc = model('क');
  const checked: string[] = [];
  const published: { diagnostics: Diagnostic[]; version: number }[] = [];
  const checker = createLiveChecker({
    model: doc,
    delayMs,
    timer: clock.timer,
    check: (source) => {
      checked.push(source);
      return [];
    },
    publish: (diagnostics, version) => published.push({ diagnostics, version }),
  });
  return { clock, doc, checked, published, checker };
}

describe('live check', () => {
  it('waits for a quiet pause, then checks the latest text once', () => {
    const { clock, doc, checked, checker } = setup();
    for (const text of ['कख', 'कखग', 'कखगघ']) {
      doc.edit(text);
      checker.contentChanged();
      clock.advance(100);
    }
    expect(checked).toEqual([]);
    clock.advance(300);
    expect(checked).toEqual(['कखगघ']);
  });

  it('publishes with the model version it checked', () => {
    const { clock, doc, published, checker } = setup();
    doc.edit('x');
    checker.contentChanged();
    clock.advance(300);
    expect(published).toEqual([{ diagnostics: [], version: 2 }]);
  });

  it('checkNow runs at once and cancels the pending check', () => {
    const { clock, checked, checker } = setup();
    checker.contentChanged();
    checker.checkNow();
    expect(checked).toEqual(['क']);
    clock.advance(1000);
    expect(checked).toEqual(['क']);
  });

  it('does nothing after dispose', () => {
    const { clock, checked, checker } = setup();
    checker.contentChanged();
    checker.dispose();
    clock.advance(1000);
    checker.contentChanged();
    clock.advance(1000);
    expect(checked).toEqual([]);
    expect(clock.pendingCount()).toBe(0);
  });

  it('a throwing checker publishes no diagnostics instead of breaking typing', () => {
    const clock = fakeTimer();
    const published: Diagnostic[][] = [];
    const checker = createLiveChecker({
      model: model('क'),
      timer: clock.timer,
      delayMs: 10,
      check: () => {
        throw new Error('bug');
      },
      publish: (diagnostics) => published.push(diagnostics),
    });
    checker.contentChanged();
    expect(() => clock.advance(10)).not.toThrow();
    expect(published).toEqual([[]]);
  });
});
