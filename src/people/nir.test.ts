import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNir, checkNir, formatNir, nirKey, nirSchema, normalizeNir } from './nir.ts';

describe('numéro de sécurité sociale (NIR)', () => {
  it('calcule la clé de l’exemple publié 1 85 05 78 006 084 : 97 − (1850578006084 mod 97 = 6) = 91', () => {
    assert.equal(nirKey('1850578006084'), '91');
    assert.equal(checkNir('1 85 05 78 006 084 91').ok, true);
  });

  it('calcule la clé d’une femme née à Lyon 3e : 97 − (2840569383042 mod 97 = 71) = 26', () => {
    assert.equal(nirKey('2840569383042'), '26');
  });

  it('calcule la clé pour la Corse-du-Sud en lisant 2A comme 19 : 97 − (1920419004123 mod 97 = 12) = 85', () => {
    assert.equal(nirKey('192042A004123'), '85');
    assert.equal(checkNir('1 92 04 2A 004 123 85').ok, true);
  });

  it('calcule la clé pour la Haute-Corse en lisant 2B comme 18 : 97 − (2920418033045 mod 97 = 51) = 46', () => {
    assert.equal(nirKey('292042B033045'), '46');
    assert.equal(checkNir('292042b03304546').ok, true);
  });

  it('accepte une naissance à l’étranger (99 + code pays : Maroc 350) : 97 − (1781299350017 mod 97 = 89) = 08', () => {
    const check = checkNir('1 78 12 99 350 017 08');
    assert.equal(check.ok, true);
    assert.equal(check.ok && check.value.birthPlace, '99350');
  });

  it('accepte une naissance outre-mer (974 + commune sur 2 chiffres) : 97 − (2921097411123 mod 97 = 23) = 74', () => {
    assert.equal(checkNir('2 92 10 974 11 123 74').ok, true);
  });

  it('lit le sexe, l’année, le mois et le lieu de naissance', () => {
    const check = checkNir('2 84 05 69 383 042 26');
    assert.ok(check.ok);
    assert.deepEqual(
      {
        sex: check.value.sex,
        year2: check.value.year2,
        month: check.value.month,
        birthPlace: check.value.birthPlace,
        isProvisional: check.value.isProvisional,
      },
      { sex: 'F', year2: '84', month: 5, birthPlace: '69383', isProvisional: false },
    );
  });

  it('normalise la saisie : espaces, points et tirets retirés, 2a en 2A', () => {
    assert.equal(normalizeNir(' 1 92 04 2a-004.123 85 '), '192042A00412385');
    assert.equal(formatNir('184056938304226'), '1 84 05 69 383 042 26');
  });

  it('refuse une clé fausse', () => {
    const check = checkNir('1 85 05 78 006 084 92');
    assert.equal(check.ok, false);
    assert.equal(!check.ok && check.problem, 'key');
  });

  it('refuse une longueur fausse, des lettres, un sexe, un mois, un département, une commune ou un ordre impossibles', () => {
    const problem = (nir: string) => {
      const check = checkNir(nir);
      return check.ok ? 'ok' : check.problem;
    };
    assert.equal(problem('1850578006084'), 'length');
    assert.equal(problem('1850578X0608491'), 'characters');
    assert.equal(problem('5850578006084' + nirKey('5850578006084')), 'sex');
    assert.equal(problem('1851378006084' + nirKey('1851378006084')), 'month');
    assert.equal(problem('1850500006084' + nirKey('1850500006084')), 'department');
    assert.equal(problem('1850578000084' + nirKey('1850578000084')), 'commune');
    assert.equal(problem('1850578006000' + nirKey('1850578006000')), 'order');
  });

  it('accepte les mois spéciaux (20 à 42, 50 à 99) et les numéros provisoires (3, 4, 7, 8)', () => {
    for (const first13 of ['1853078006084', '1855078006084', '7850578006084', '4850578006084']) {
      assert.equal(checkNir(first13 + nirKey(first13)).ok, true, first13);
    }
  });

  it('construit un NIR valide et cohérent à partir du sexe, de la date et du lieu de naissance', () => {
    const nir = buildNir({ sex: 'F', birthDate: '1984-05-14', birthPlace: '69383', order: 42 });
    assert.equal(nir, '284056938304226');
    const corsica = buildNir({ sex: 'M', birthDate: '1992-04-01', birthPlace: '2A004', order: 123 });
    assert.equal(corsica, '192042A00412385');
  });

  it('donne par le schéma la raison du refus en français et en anglais', () => {
    const result = nirSchema.safeParse('1 85 05 78 006 084 92');
    assert.equal(result.success, false);
    const issue = result.error!.issues[0] as { message: string; params?: { en?: string } };
    assert.match(issue.message, /clé/);
    assert.match(issue.params?.en ?? '', /key/);
    assert.equal(nirSchema.parse('1 85 05 78 006 084 91'), '185057800608491');
    const short = nirSchema.safeParse('12345');
    assert.match(short.error!.issues[0]!.message, /15 caractères/);
  });
});
