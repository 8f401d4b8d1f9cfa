import { fileReference } from '../store.ts';

/**
 * A certificate's number: kind (N birth, M marriage, P PACS, D death), commune, year, and 12 digits
 * derived from what makes it unique. A real register numbers certificates in order per commune and
 * year; 12 digits keep collisions out of reach for a demo population of any size (6 collided in a
 * big commune after a few thousand births: the insert then failed for ever).
 */
export const acteNumber = (kind: 'N' | 'M' | 'P' | 'D', commune: string, date: string, key: string) =>
  `${kind}-${commune}-${date.slice(0, 4)}-${fileReference('etat-civil', key, 12)}`;
