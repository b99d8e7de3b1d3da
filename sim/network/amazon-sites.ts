/**
 * Where Amazon India's fulfilment centres stand. DOMAIN.md (Amazon India, A): ">60 FCs, 43 M ft³,
 * 15 states (2021); clustered around Delhi NCR, Mumbai/Bhiwandi, Bengaluru, Hyderabad (largest),
 * Chennai, Kolkata, Pune, Ahmedabad; single FCs at Jaipur, Lucknow, Patna, Guwahati, Ludhiana,
 * Indore". The split of the ~60 over the clusters is derived here (larger metros, more FCs); the
 * points are the cities' centres (GeoNames) and the FCs of a cluster are spread around them.
 */
export interface FcCluster {
  name: string;
  lon: number;
  lat: number;
  count: number;
}

export const FC_CLUSTERS: readonly FcCluster[] = [
  { name: 'Gurugram (Delhi NCR)', lon: 77.0266, lat: 28.4595, count: 6 },
  { name: 'Delhi (Delhi NCR)', lon: 77.1025, lat: 28.7041, count: 2 },
  { name: 'Noida (Delhi NCR)', lon: 77.391, lat: 28.5355, count: 4 },
  { name: 'Bhiwandi (Mumbai)', lon: 73.0483, lat: 19.2813, count: 9 },
  { name: 'Bengaluru', lon: 77.5946, lat: 12.9716, count: 8 },
  { name: 'Hyderabad', lon: 78.4867, lat: 17.385, count: 7 },
  { name: 'Chennai', lon: 80.2707, lat: 13.0827, count: 5 },
  { name: 'Kolkata', lon: 88.2636, lat: 22.5958, count: 5 },
  { name: 'Pune', lon: 73.8567, lat: 18.5204, count: 4 },
  { name: 'Ahmedabad', lon: 72.5714, lat: 23.0225, count: 4 },
  { name: 'Jaipur', lon: 75.7873, lat: 26.9124, count: 1 },
  { name: 'Lucknow', lon: 80.9462, lat: 26.8467, count: 1 },
  { name: 'Patna', lon: 85.1376, lat: 25.5941, count: 1 },
  { name: 'Guwahati', lon: 91.7362, lat: 26.1445, count: 1 },
  { name: 'Ludhiana', lon: 75.8573, lat: 30.901, count: 1 },
  { name: 'Indore', lon: 75.8577, lat: 22.7196, count: 1 },
];

/**
 * Sort centres by state where DOMAIN.md names them (Amazon India, A: ">2.2 M ft² across 19 states
 * (2020); Maharashtra 7, Tamil Nadu 3, Gujarat 3, Telangana 2"); the other states are filled by
 * urban population up to the total.
 */
export const SORT_CENTRES_NAMED: Readonly<Record<string, number>> = {
  Maharashtra: 7,
  'Tamil Nadu': 3,
  Gujarat: 3,
  Telangana: 2,
};

/**
 * The 9 Amazon Air cities. DOMAIN.md gives the number ("Amazon Air between 9 cities, 2023", A),
 * not the names: assumed here as the largest FC clusters plus the two eastern cities far from the
 * rest by road (Guwahati, Patna). A sort centre within `AIR_CITY_RADIUS_KM` of one is an air node.
 */
export const AIR_CITIES: readonly { name: string; lon: number; lat: number }[] = [
  { name: 'Delhi', lon: 77.1025, lat: 28.7041 },
  { name: 'Mumbai', lon: 72.8777, lat: 19.076 },
  { name: 'Bengaluru', lon: 77.5946, lat: 12.9716 },
  { name: 'Hyderabad', lon: 78.4867, lat: 17.385 },
  { name: 'Chennai', lon: 80.2707, lat: 13.0827 },
  { name: 'Kolkata', lon: 88.3639, lat: 22.5726 },
  { name: 'Ahmedabad', lon: 72.5714, lat: 23.0225 },
  { name: 'Guwahati', lon: 91.7362, lat: 26.1445 },
  { name: 'Patna', lon: 85.1376, lat: 25.5941 },
];

export const AIR_CITY_RADIUS_KM = 60;
