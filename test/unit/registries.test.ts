import { ACTIONS, type ActionName } from '@shared/api';
import { HANDLERS, REGISTRIES, misplacedHandlers } from '../../cloudfunctions/core/handlers';

describe('each CloudBase function ships only its own handlers', () => {
  it('puts every action in the registry of the function that serves it', () => {
    expect(misplacedHandlers()).toEqual([]);
  });

  it('serves every action of the contract from exactly one registry', () => {
    for (const name of Object.keys(ACTIONS) as ActionName[]) {
      const holders = Object.entries(REGISTRIES).filter(([, reg]) => name in reg).map(([fn]) => fn);
      expect({ name, holders }).toEqual({ name, holders: [ACTIONS[name].fn] });
      expect(typeof HANDLERS[name]).toBe('function');
    }
  });
});
