// @socialgouv/jours-feries ships no types: a year's French public holidays by name, as Dates at
// local midnight of the process (Vendredi saint and Saint-Étienne added with { alsace: true }).
declare module '@socialgouv/jours-feries' {
  const getJoursFeries: (year: number, options?: { alsace?: boolean }) => Record<string, Date>;
  export default getJoursFeries;
}
