/**
 * Node colours and sizes by type. Okabe–Ito colours (distinguishable with the common colour-vision
 * deficiencies); size grows with a node's rank in the hierarchy so hubs stay visible over kiranas.
 */
export const NODE_STYLE: Readonly<Record<string, { label: string; color: string; size: number; on: boolean }>> = {
  'fulfilment-centre': { label: 'Fulfilment centres', color: '#D55E00', size: 6, on: true },
  'sort-centre': { label: 'Sort centres', color: '#CC79A7', size: 5, on: true },
  'national-sorting-hub': { label: 'Sorting hubs (India Post)', color: '#0072B2', size: 5, on: true },
  'intra-circle-hub': { label: 'Intra-circle hubs', color: '#56B4E9', size: 4, on: true },
  'delivery-station': { label: 'Delivery stations', color: '#E69F00', size: 3, on: true },
  'post-office': { label: 'Post offices', color: '#009E73', size: 1.5, on: false },
  kirana: { label: 'Kirana stores', color: '#F0E442', size: 1.5, on: true },
  'branch-office': { label: 'Branch offices', color: '#999999', size: 1, on: false },
  seller: { label: 'Sellers', color: '#000000', size: 1.5, on: false },
};

/** Draw order: dense small layers first, hubs on top. */
export const NODE_DRAW_ORDER = ['branch-office', 'post-office', 'seller', 'kirana', 'delivery-station', 'intra-circle-hub', 'national-sorting-hub', 'sort-centre', 'fulfilment-centre'];

/** A scenario's edits on the map (Okabe–Ito): added bluish green, changed orange, removed and closed vermilion. */
export const EDIT_COLOURS = { added: '#009E73', changed: '#E69F00', closed: '#D55E00' } as const;
