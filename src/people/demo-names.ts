// Names for the synthetic population: frequent French given names by decade of birth and frequent
// family names. Illustrative lists typed for the demo, not statistics.

export const GIVEN_NAMES: Record<'F' | 'M', Record<number, readonly string[]>> = {
  F: {
    1920: ['Jeanne', 'Marie', 'Simone', 'Madeleine', 'Denise', 'Germaine', 'Paulette', 'Yvonne', 'Suzanne', 'Marcelle', 'Odette', 'Colette'],
    1940: ['Monique', 'Jacqueline', 'Nicole', 'Françoise', 'Michèle', 'Danielle', 'Josette', 'Annie', 'Christiane', 'Éliane', 'Arlette'],
    1950: ['Martine', 'Nicole', 'Françoise', 'Christine', 'Catherine', 'Sylvie', 'Brigitte', 'Chantal', 'Annie', 'Danielle', 'Évelyne'],
    1960: ['Sylvie', 'Isabelle', 'Catherine', 'Nathalie', 'Valérie', 'Christine', 'Véronique', 'Patricia', 'Corinne', 'Pascale', 'Sandrine'],
    1970: ['Nathalie', 'Isabelle', 'Sandrine', 'Stéphanie', 'Valérie', 'Céline', 'Virginie', 'Karine', 'Sophie', 'Aurélie', 'Séverine'],
    1980: ['Julie', 'Aurélie', 'Émilie', 'Élodie', 'Audrey', 'Mélanie', 'Céline', 'Laura', 'Sarah', 'Camille', 'Marion'],
    1990: ['Laura', 'Manon', 'Camille', 'Marine', 'Pauline', 'Julie', 'Sarah', 'Léa', 'Anaïs', 'Mathilde', 'Océane'],
    2000: ['Léa', 'Manon', 'Chloé', 'Emma', 'Camille', 'Inès', 'Sarah', 'Océane', 'Clara', 'Lucie', 'Jade'],
    2010: ['Emma', 'Jade', 'Louise', 'Alice', 'Chloé', 'Lina', 'Léa', 'Rose', 'Anna', 'Mila', 'Inès'],
    2020: ['Jade', 'Louise', 'Emma', 'Ambre', 'Alba', 'Alice', 'Rose', 'Mia', 'Romy', 'Anna', 'Lina'],
  },
  M: {
    1920: ['Jean', 'André', 'Pierre', 'René', 'Marcel', 'Louis', 'Roger', 'Robert', 'Georges', 'Henri', 'Maurice', 'Raymond'],
    1940: ['Jean', 'Michel', 'Alain', 'Gérard', 'Bernard', 'Jacques', 'Daniel', 'Claude', 'Christian', 'Jean-Pierre', 'Guy'],
    1950: ['Michel', 'Alain', 'Patrick', 'Philippe', 'Gérard', 'Bernard', 'Jean-Claude', 'Daniel', 'Christian', 'Jean-Pierre', 'Dominique'],
    1960: ['Philippe', 'Pascal', 'Thierry', 'Éric', 'Patrick', 'Laurent', 'Christophe', 'Frédéric', 'Didier', 'Bruno', 'Olivier'],
    1970: ['Stéphane', 'Christophe', 'Sébastien', 'Nicolas', 'Frédéric', 'David', 'Laurent', 'Olivier', 'Cédric', 'Jérôme', 'Franck'],
    1980: ['Nicolas', 'Julien', 'Sébastien', 'Mickaël', 'Guillaume', 'Romain', 'Anthony', 'Kévin', 'Jérémy', 'Thomas', 'Maxime'],
    1990: ['Thomas', 'Kévin', 'Nicolas', 'Alexandre', 'Quentin', 'Maxime', 'Julien', 'Antoine', 'Romain', 'Hugo', 'Lucas'],
    2000: ['Lucas', 'Thomas', 'Hugo', 'Théo', 'Nathan', 'Enzo', 'Mathis', 'Louis', 'Clément', 'Tom', 'Yanis'],
    2010: ['Gabriel', 'Jules', 'Louis', 'Adam', 'Raphaël', 'Arthur', 'Léo', 'Lucas', 'Hugo', 'Nathan', 'Noah'],
    2020: ['Gabriel', 'Léo', 'Raphaël', 'Louis', 'Maël', 'Noah', 'Jules', 'Arthur', 'Adam', 'Sacha', 'Gabin'],
  },
};

export const FAMILY_NAMES: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel',
  'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine',
  'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier',
  'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu',
  'Gautier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Martinez', 'Gérard',
  'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard', 'Roger', 'Fabre', 'Aubert',
  'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe', 'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet',
  'Rolland', 'Leclercq', 'Guillaume', 'Lecomte', 'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez',
  'Dupuis', 'Moulin', 'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet',
  'Adam', 'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier', 'Ménard', 'Maillard', 'Baron',
  'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet', 'Léger', 'Bouvier', 'Julien', 'Prévost', 'Millet',
  'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain', 'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque',
  'Perrier', 'Leblanc', 'Barré', 'Lebrun', 'Marchal', 'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud',
  'Rodriguez', 'Guichard', 'Gillet', 'Étienne', 'Grondin', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva',
  'Bouchet', 'Gay', 'Lemaître', 'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Hoarau', 'Perret', 'Barthélemy',
  'Cordier', 'Pichon', 'Lejeune', 'Gilbert', 'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte', 'Benali', 'Haddad',
  'Nguyen', 'Diallo', 'Traoré', 'Rahmani', 'Yilmaz', 'Ferreira', 'Pereira', 'Kowalski',
];

export const STREETS: readonly string[] = [
  'rue de la République', 'rue Victor-Hugo', 'avenue Jean-Jaurès', 'rue Pasteur', 'place de la Mairie', 'rue des Écoles',
  'chemin des Vignes', 'rue du Moulin', 'allée des Tilleuls', 'rue Jules-Ferry', 'boulevard Gambetta', 'rue de l’Église',
  'impasse des Lilas', 'rue du Stade', 'avenue de la Gare', 'rue des Jardins', 'rue Émile-Zola', 'rue du Château',
  'route de la Forêt', 'rue Louise-Michel', 'rue Simone-Veil', 'cours de la Liberté', 'rue des Acacias', 'rue Voltaire',
];

// INSEE codes of countries of birth abroad (99 + 3 digits), weighted roughly by how often they occur.
export const BIRTH_COUNTRIES: readonly (readonly [code: string, weight: number])[] = [
  ['99350', 14], // Maroc
  ['99352', 14], // Algérie
  ['99351', 6], // Tunisie
  ['99139', 8], // Portugal
  ['99127', 4], // Italie
  ['99134', 4], // Espagne
  ['99208', 3], // Turquie
  ['99109', 2], // Allemagne
  ['99131', 2], // Belgique
  ['99132', 2], // Royaume-Uni
  ['99341', 3], // Sénégal
];
