import { describe, expect, it } from 'vitest';
import { makeNode } from './make-node.ts';
import { makeNamesUnique } from './unique-names.ts';

const districts = ['Bijapur', 'Bijapur', 'Amritsar', 'Raipur'];
const node = (name: string, district: number, state: string, pin = 0) =>
  makeNode({ type: 'seller', operator: 'seller', name, lon: 0, lat: 0, district, state, circle: '', pin });

describe('makeNamesUnique', () => {
  it('qualifies every node of a repeated place and kind by what tells them apart, after the place', () => {
    const nodes = [
      node('Bijapur seller 1', 0, 'Karnataka'), node('Bijapur seller 2', 0, 'Karnataka'), node('Bijapur seller 1', 1, 'Chhattisgarh'),
      node('Khalsa College SO', 2, 'Punjab', 143002), node('Khalsa College SO', 2, 'Punjab', 143005),
      node('Twin SO', 3, 'Chhattisgarh'), node('Twin SO', 3, 'Chhattisgarh'), node('Raipur DS 1', 3, 'Chhattisgarh'),
    ];
    makeNamesUnique(nodes, (d) => districts[d]!);
    expect(nodes.map((n) => n.name)).toEqual([
      // Same district name in two states: the state tells them apart; Bijapur seller 2 is renamed too, so a place's nodes read alike.
      'Bijapur (Karnataka) seller 1', 'Bijapur (Karnataka) seller 2', 'Bijapur (Chhattisgarh) seller 1',
      'Khalsa College (143002) SO', 'Khalsa College (143005) SO',
      'Twin (1) SO', 'Twin (2) SO',
      'Raipur DS 1',
    ]);
  });

  it('leaves unique names alone', () => {
    const nodes = [node('A seller 1', 0, 'Karnataka'), node('B seller 1', 1, 'Chhattisgarh')];
    makeNamesUnique(nodes, (d) => districts[d]!);
    expect(nodes.map((n) => n.name)).toEqual(['A seller 1', 'B seller 1']);
  });
});
