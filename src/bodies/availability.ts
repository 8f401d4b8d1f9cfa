// A switch at the network edge: a body marked down answers 503 on its connector, as a real node
// would during an outage (used by fault tests and demos; nothing is simulated past the edge).
const down = new Set<string>();

export const setBodyAvailability = (party: string, isUp: boolean) => {
  if (isUp) down.delete(party);
  else down.add(party);
};

export const isBodyDown = (party: string) => down.has(party);
