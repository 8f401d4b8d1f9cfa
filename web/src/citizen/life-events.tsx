// The life events shown on the home page, each with its French address and pictogram. Their
// journeys (steps, deadlines, bodies told once) come with the journeys module.
import Accessibility from '@codegouvfr/react-dsfr/picto/Accessibility';
import Community from '@codegouvfr/react-dsfr/picto/Community';
import Companie from '@codegouvfr/react-dsfr/picto/Companie';
import Health from '@codegouvfr/react-dsfr/picto/Health';
import House from '@codegouvfr/react-dsfr/picto/House';
import Leaf from '@codegouvfr/react-dsfr/picto/Leaf';
import Sun from '@codegouvfr/react-dsfr/picto/Sun';
import type { ComponentType } from 'react';
import type { DeclarationType } from '../api.ts';

export type LifeEventId =
  'naissance' | 'demenagement' | 'perte-emploi' | 'separation' | 'retraite' | 'deces' | 'handicap';

/** `declarations`: what the person can declare once, from their space, for this event. */
export type LifeEvent = { id: LifeEventId; slug: string; Pictogram: ComponentType; declarations: DeclarationType[] };

export const LIFE_EVENTS: LifeEvent[] = [
  { id: 'naissance', slug: 'j-attends-un-enfant', Pictogram: Health, declarations: ['grossesse', 'naissance'] },
  { id: 'demenagement', slug: 'je-demenage', Pictogram: House, declarations: ['adresse'] },
  { id: 'perte-emploi', slug: 'je-perds-mon-emploi', Pictogram: Companie, declarations: ['activite'] },
  { id: 'separation', slug: 'je-me-separe', Pictogram: Community, declarations: ['foyer'] },
  { id: 'retraite', slug: 'je-prends-ma-retraite', Pictogram: Sun, declarations: ['activite'] },
  { id: 'deces', slug: 'deces-d-un-proche', Pictogram: Leaf, declarations: ['deces'] },
  { id: 'handicap', slug: 'situation-de-handicap', Pictogram: Accessibility, declarations: [] },
];

export const lifeEventPath = (event: LifeEvent) => `/evenements/${event.slug}`;
