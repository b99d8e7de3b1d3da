import { describe, expect, it } from 'vitest';
import { ParcelStore } from './parcel-store.ts';

describe('the parcel store', () => {
  it('keeps every parcel and its fields when it grows past the capacity it was sized for', () => {
    const p = new ParcelStore(20);
    for (let i = 0; i < 100; i++) {
      const id = p.add();
      expect(id).toBe(i);
      p.created[id] = i * 1.5;
      p.route[id] = 1000 + i;
      p.flags[id] = i % 7;
      p.lossLeg[id] = i % 5;
    }
    expect(p.count).toBe(100);
    expect(p.created.length).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 100; i++) {
      expect([p.created[i], p.route[i], p.flags[i], p.lossLeg[i]]).toEqual([i * 1.5, 1000 + i, i % 7, i % 5]);
    }
  });

  it('gives new parcels zeroed fields, whatever it was sized for', () => {
    const p = new ParcelStore(0.5);
    const id = p.add();
    expect([p.created[id], p.district[id], p.status[id], p.attempts[id]]).toEqual([0, 0, 0, 0]);
  });
});
