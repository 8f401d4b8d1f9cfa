import { parseArgs } from 'node:util';
import {
  ConfigError,
  createJobRegistry,
  createLogger,
  createWorker,
  installJobRegistry,
  loadConfig,
  migrate,
} from './platform/index.ts';
import { MODULES } from './modules.ts';
import { migrationSources, openConfiguredDatabase, startGuichet } from './main.ts';
import { seedDemo } from './seed.ts';
import { formatReport, getSystem, runCaseFiles } from './rules/index.ts';
import { verifyMessageLog } from './exchange/index.ts';
import { runBody } from './bodies/index.ts';

const USAGE = `guichet — le guichet unique de la protection sociale

Usage : guichet <commande> [options]

  start              démarre tout (serveur web, API, travaux de fond, fournisseur d'identité)
                     (--dev : interface web avec rechargement à chaud)
  migrate            applique les migrations de la base
  seed               charge la population de démonstration si elle ne l'est pas
                     (--households N, --seed S ; par défaut SEED_HOUSEHOLDS et SEED)
  worker             exécute les travaux de fond seul (avec DATABASE_URL, à côté de « start » et WORKERS=false)
  rules test <fichiers ou dossiers>
                     exécute des cas de test au format YAML d'OpenFisca-France (--verbose : détail des cas non couverts)
  body <organisme>   lance le nœud d'un organisme seul (caf, cpam, msa, urssaf, france-travail, cnav, dgfip,
                     etat-civil) : sa propre base, son API de connecteur seulement ; la plateforme le joint à
                     BODY_<ORGANISME>_URL (--port P, --host H, --hub-url URL ou HUB_URL, --database-url URL
                     ou --data-dir DOSSIER (par défaut ./data/bodies/<organisme>), --households N, --seed S ;
                     GUICHET_SECRET : le même que la plateforme)
  audit verify       vérifie la chaîne d'empreintes du journal des échanges (code 1 si altéré)
  help               affiche cette aide
`;

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  start: async (args) => {
    // --dev: the web front end through Vite's dev server, with hot reload.
    await startGuichet(loadConfig(), { dev: args.includes('--dev') });
  },
  migrate: async () => {
    const config = loadConfig();
    const db = await openConfiguredDatabase(config);
    try {
      const applied = await migrate(db, migrationSources());
      for (const { module, name } of applied) process.stdout.write(`appliquée : ${module}/${name}\n`);
      process.stdout.write(applied.length ? `${applied.length} migration(s) appliquée(s)\n` : 'base à jour\n');
    } finally {
      await db.close();
    }
  },
  worker: async () => {
    const config = loadConfig();
    const logger = createLogger(config);
    const db = await openConfiguredDatabase(config);
    try {
      await migrate(db, migrationSources());
      const registry = installJobRegistry(createJobRegistry(MODULES));
      const worker = createWorker({ db, logger, config, registry, concurrency: config.WORKER_CONCURRENCY });
      worker.start();
      const signal = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      logger.info({ signal }, 'arrêt en cours');
      await worker.stop();
    } finally {
      await db.close();
    }
  },
  seed: async (args) => {
    const config = loadConfig();
    const { values } = parseArgs({ args, options: { households: { type: 'string' }, seed: { type: 'string' } } });
    const households = values.households === undefined ? config.SEED_HOUSEHOLDS : Number(values.households);
    const seed = values.seed === undefined ? config.SEED : Number(values.seed);
    if (!Number.isInteger(households) || households < 0)
      throw new ConfigError('--households', 'un nombre entier positif est attendu');
    if (!Number.isInteger(seed)) throw new ConfigError('--seed', 'un nombre entier est attendu');
    const db = await openConfiguredDatabase(config);
    try {
      await migrate(db, migrationSources());
      const result = await seedDemo(db, { households, seed, config });
      process.stdout.write(
        result.isSeeded
          ? `${households} foyers de démonstration chargés (graine ${seed}), ${result.identities} identifiants de connexion, en ${(result.milliseconds / 1000).toFixed(1)} s\n`
          : 'les données de démonstration sont déjà chargées : rien à faire\n',
      );
    } finally {
      await db.close();
    }
  },
  rules: async (args) => {
    const [action, ...rest] = args;
    const paths = rest.filter((arg) => !arg.startsWith('--'));
    if (action !== 'test' || !paths.length)
      throw new ConfigError('rules', 'usage : guichet rules test <fichiers ou dossiers> [--verbose]');
    const report = runCaseFiles(getSystem(), paths);
    process.stdout.write(`${formatReport(report, { verbose: rest.includes('--verbose') })}\n`);
    if (report.failed) process.exitCode = 1;
  },
  body: async (args) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'hub-url': { type: 'string' },
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        households: { type: 'string' },
        seed: { type: 'string' },
      },
    });
    const config = loadConfig();
    const [party] = positionals;
    if (!party) throw new ConfigError('organisme', 'usage : guichet body <organisme> --port P --hub-url URL');
    const port = Number(values.port ?? config.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new ConfigError('--port', 'un numéro de port est attendu');
    const hubUrl = (values['hub-url'] ?? config.HUB_URL)?.replace(/\/+$/, '');
    if (!hubUrl) throw new ConfigError('--hub-url', 'l’adresse de la plateforme est attendue (ou HUB_URL)');
    const households = values.households === undefined ? config.SEED_HOUSEHOLDS : Number(values.households);
    const seed = values.seed === undefined ? config.SEED : Number(values.seed);
    if (!Number.isInteger(households) || households < 0)
      throw new ConfigError('--households', 'un nombre entier positif est attendu');
    if (!Number.isInteger(seed)) throw new ConfigError('--seed', 'un nombre entier est attendu');
    const node = await runBody(config, {
      party,
      port,
      host: values.host ?? config.HOST,
      hubUrl,
      databaseUrl: values['database-url'],
      dataDir: values['data-dir'] ?? `./data/bodies/${party}`,
      households,
      seed,
    });
    process.stdout.write(`organisme ${party} prêt : ${node.url}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await node.stop();
  },
  audit: async (args) => {
    if (args[0] !== 'verify') throw new ConfigError('audit', 'usage : guichet audit verify');
    const db = await openConfiguredDatabase(loadConfig());
    try {
      const result = await verifyMessageLog(db);
      if (result.isIntact) {
        process.stdout.write(`journal des échanges intact : ${result.rows} ligne(s) vérifiée(s)\n`);
      } else {
        process.stdout.write(
          `journal des échanges ALTÉRÉ à la ligne ${result.brokenAt} (${result.reason === 'hash' ? 'empreinte' : 'chaînage'} invalide)\n`,
        );
        process.exitCode = 1;
      }
    } finally {
      await db.close();
    }
  },
  help: async () => {
    process.stdout.write(USAGE);
  },
};

const main = async () => {
  const [name = 'help', ...rest] = process.argv.slice(2);
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Commande inconnue : ${name}\n\n${USAGE}`);
    process.exit(2);
  }
  await command(rest);
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError || (error instanceof Error && error.name === 'DataDirLockedError')) {
    process.stderr.write(`${error.message}\n`);
  } else {
    createLogger({ LOG_LEVEL: 'error' }).error({ err: error }, 'échec');
  }
  process.exit(1);
});
