// The eight reference nodes, one per body.
import { cafNode } from './caf/node.ts';
import { cnavNode } from './cnav/node.ts';
import { cpamNode } from './cpam/node.ts';
import { dgfipNode } from './dgfip/node.ts';
import { etatCivilNode } from './etat-civil/node.ts';
import { franceTravailNode } from './france-travail/node.ts';
import { msaNode } from './msa/node.ts';
import type { BodyNode } from './node.ts';
import { urssafNode } from './urssaf/node.ts';

export const BODY_NODES: BodyNode[] = [
  cafNode,
  cpamNode,
  msaNode,
  urssafNode,
  franceTravailNode,
  cnavNode,
  dgfipNode,
  etatCivilNode,
];
