import { describe, expect, it } from 'vitest';
import { generalArray } from './general-array.ts';
import { v8Says } from './v8-says.ts';

describe('generalArray', () => {
  it('is empty and takes any value', () => {
    const a = generalArray<unknown>();
    expect(a).toEqual([]);
    a.push(1, 0.5, undefined, () => 1);
    expect(a.length).toBe(4);
  });

  it('starts in the general elements kind, where a literal [] starts with small integers (asked of V8)', () => {
    expect(v8Says(new URL('./general-array.ts', import.meta.url), '[%HasObjectElements(m.generalArray()), %HasSmiElements(m.generalArray()), %HasSmiElements([])]')).toBe('[true,false,true]');
  });
});
