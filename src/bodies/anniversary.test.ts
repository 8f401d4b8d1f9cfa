import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anniversary } from './anniversary.ts';

describe('anniversaire', () => {
  it('tombe le même jour N ans plus tard', () => {
    assert.equal(anniversary('1990-07-14', 18), '2008-07-14');
  });

  it('tombe le 1er mars pour une personne née un 29 février, une année non bissextile', () => {
    assert.equal(anniversary('2004-02-29', 18), '2022-03-01');
    assert.equal(anniversary('1996-02-29', 28), '2024-02-29');
  });
});
