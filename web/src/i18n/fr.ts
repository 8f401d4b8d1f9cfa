// Every text of the interface, in plain French. `en.ts` must give the same keys (the type checks it).
// `{name}` marks a value filled in by `t(key, { name })`.
export const fr = {
  'app.name': 'Guichet',
  'app.tagline': 'Vos droits sociaux, en un seul endroit',
  'app.homeLinkTitle': 'Accueil — Guichet',
  'app.titleSuffix': 'Guichet',
  'app.loading': 'Chargement…',

  'skip.content': 'Aller au contenu',
  'skip.menu': 'Aller au menu',
  'skip.footer': 'Aller au pied de page',

  'nav.home': 'Accueil',
  'nav.estimate': 'Estimer mes droits',
  'nav.mySpace': 'Mon espace',
  'nav.agent': 'Rechercher une personne',
  'nav.jobs': 'Travaux de fond',
  'nav.login': 'Se connecter',
  'nav.logout': 'Se déconnecter',
  'nav.otherLanguage': 'English',
  'nav.otherLanguageTitle': 'Switch to English',
  'nav.mainLabel': 'Menu principal',

  'footer.description':
    'Guichet est le guichet unique de la protection sociale : une seule porte pour connaître vos droits, déclarer un changement une seule fois et être accompagné.',
  'footer.sitemap': 'Plan du site',
  'footer.legal': 'Mentions légales',
  'footer.license':
    'Sauf mention contraire, les contenus de ce site sont sous licence etalab-2.0. Le code source de Guichet est libre (AGPL-3.0).',

  'home.title': 'Vos droits sociaux, en un seul endroit',
  'home.lead':
    'Dites-nous ce qui change dans votre vie. Guichet vous dit à quoi vous pourriez avoir droit et vous aide à faire vos démarches, pas à pas.',
  'home.estimateTitle': 'À quelles aides ai-je droit ?',
  'home.estimateText':
    'Répondez à quelques questions simples sur votre foyer. C’est gratuit et vous n’avez pas besoin de compte.',
  'home.estimateButton': 'Estimer mes droits',
  'home.eventsTitle': 'Ce qui change dans votre vie',
  'home.eventsLead': 'Choisissez votre situation pour voir ce que Guichet peut faire pour vous.',
  'home.accountTitle': 'Vous avez déjà un dossier ?',
  'home.accountText': 'Retrouvez votre situation, votre foyer et vos démarches dans votre espace personnel.',
  'home.accountButton': 'Accéder à mon espace',

  'event.naissance.title': 'J’attends un enfant',
  'event.naissance.desc': 'Déclarer la grossesse, préparer la naissance, connaître les aides pour votre enfant.',
  'event.demenagement.title': 'Je déménage',
  'event.demenagement.desc':
    'Changer d’adresse une seule fois pour tous les organismes, et vérifier vos aides au logement.',
  'event.perte-emploi.title': 'Je perds mon emploi',
  'event.perte-emploi.desc': 'S’inscrire à France Travail, connaître vos allocations et garder votre couverture santé.',
  'event.separation.title': 'Je me sépare',
  'event.separation.desc': 'Mettre à jour votre situation, la garde des enfants, la pension alimentaire et vos aides.',
  'event.retraite.title': 'Je prends ma retraite',
  'event.retraite.desc': 'Préparer votre départ, demander votre retraite et les aides possibles ensuite.',
  'event.deces.title': 'Un proche est décédé',
  'event.deces.desc': 'Les démarches à faire, dans l’ordre, et les aides pour les proches.',
  'event.handicap.title': 'Je suis en situation de handicap',
  'event.handicap.desc': 'Faire reconnaître votre handicap, connaître vos droits et les aides à la vie quotidienne.',

  'eventPage.comingTitle': 'Ce parcours arrive bientôt',
  'eventPage.comingText':
    'Bientôt, Guichet vous guidera pas à pas : les démarches à faire, leurs dates limites, les organismes concernés. Vous ne déclarerez votre changement qu’une seule fois : Guichet préviendra chaque organisme pour vous.',
  'eventPage.meanwhile': 'En attendant, vous pouvez :',
  'eventPage.toEstimate': 'voir la liste des aides que le simulateur couvrira',
  'eventPage.toHome': 'revenir à l’accueil',

  'estimate.title': 'Estimer mes droits',
  'estimate.lead': 'Le simulateur de Guichet arrive bientôt.',
  'estimate.how':
    'Il vous posera quelques questions simples sur votre foyer, votre logement et vos ressources. Il vous dira ensuite à quelles aides vous pourriez avoir droit, combien, et pourquoi.',
  'estimate.noAmount':
    'Pour l’instant, aucun montant n’est affiché : nous préférons ne rien vous dire plutôt que de vous donner un chiffre faux.',
  'estimate.listTitle': 'Les aides que le simulateur couvrira',
  'estimate.listBody': 'Organisme : {body}',
  'estimate.aid.rsa': 'Revenu de solidarité active (RSA)',
  'estimate.aid.primeActivite': 'Prime d’activité',
  'estimate.aid.logement': 'Aides personnelles au logement (APL, ALF, ALS)',
  'estimate.aid.af': 'Allocations familiales',
  'estimate.aid.paje': 'Prestation d’accueil du jeune enfant (PAJE)',
  'estimate.aid.asf': 'Allocation de soutien familial (ASF)',
  'estimate.aid.aah': 'Allocation aux adultes handicapés (AAH)',
  'estimate.aid.c2s': 'Complémentaire santé solidaire (C2S)',
  'estimate.aid.aspa': 'Allocation de solidarité aux personnes âgées (ASPA)',
  'estimate.aid.are': 'Allocation d’aide au retour à l’emploi (ARE)',
  'estimate.body.cafMsa': 'CAF ou MSA',
  'estimate.body.caf': 'CAF',
  'estimate.body.cpam': 'Assurance Maladie',
  'estimate.body.cnav': 'Assurance retraite',
  'estimate.body.franceTravail': 'France Travail',

  'login.title': 'Se connecter',
  'login.citizenTitle': 'Vous êtes un particulier',
  'login.citizenText': 'Connectez-vous pour voir votre situation, votre foyer et vos démarches.',
  'login.citizenButton': 'Se connecter (identité de démonstration)',
  'login.demoNotice':
    'Cette version de démonstration n’utilise pas FranceConnect : vous choisissez une identité fictive. Aucune donnée réelle n’est utilisée.',
  'login.agentTitle': 'Vous travaillez dans un organisme',
  'login.agentText':
    'Agents de la CAF, de l’Assurance Maladie, de la MSA, de France Travail… : accédez à l’espace agent.',
  'login.agentButton': 'Connexion à l’espace agent',
  'login.unknownAccountTitle': 'Nous ne trouvons pas votre compte',
  'login.unknownAccountText':
    'Cette identité n’est reliée à aucun dossier dans Guichet. Vérifiez l’identité choisie. Si le problème continue, contactez votre caisse.',
  'login.failedTitle': 'La connexion n’a pas abouti',
  'login.failedText': 'Réessayez dans un instant.',
  'login.expiredTitle': 'Votre session a expiré',
  'login.expiredText':
    'Pour protéger vos données, vous avez été déconnecté après un moment sans activité. Connectez-vous à nouveau.',
  'login.alreadyTitle': 'Vous êtes connecté',
  'login.alreadyText': 'Vous êtes connecté en tant que {name}.',
  'login.goToSpace': 'Aller à mon espace',

  'me.title': 'Mon espace',
  'me.loading': 'Chargement de vos informations…',
  'me.infoTitle': 'Mes informations',
  'me.householdTitle': 'Mon foyer',
  'me.noHousehold': 'Aucune autre personne n’est rattachée à votre foyer.',
  'me.noPerson':
    'Votre compte n’est pas encore relié à un dossier. Si vous pensez que c’est une erreur, contactez votre caisse.',

  'person.name': 'Nom',
  'person.birthDate': 'Date de naissance',
  'person.nir': 'Numéro de sécurité sociale',
  'person.nirHint': 'En partie masqué, pour votre sécurité.',
  'person.address': 'Adresse',
  'person.email': 'Adresse électronique',
  'person.phone': 'Téléphone',
  'person.unknown': 'Non renseigné',
  'person.member': 'Personne',
  'person.you': 'vous',
  'person.bornOnF': 'Née le {date}',
  'person.bornOnM': 'Né le {date}',
  'person.role': 'Place dans le foyer',

  'role.parent': 'Parent',
  'role.conjoint': 'Conjoint ou conjointe',
  'role.enfant_a_charge': 'Enfant à charge',
  'role.enfant': 'Enfant (pas à charge)',
  'role.personne_de_reference': 'Personne de référence du foyer',
  'role.autre': 'Autre personne du foyer',

  'agent.title': 'Rechercher une personne',
  'agent.lead': 'Cherchez par numéro de sécurité sociale ou par nom.',
  'agent.queryLabel': 'Numéro de sécurité sociale ou nom',
  'agent.queryHint': 'Exemple : 2 85 03 75 112 005 42, ou Martin',
  'agent.queryEmpty': 'Saisissez un numéro de sécurité sociale ou un nom.',
  'agent.search': 'Rechercher',
  'agent.searching': 'Recherche en cours…',
  'agent.resultsNone': 'Aucune personne ne correspond à « {q} ».',
  'agent.resultsOne': '1 personne trouvée.',
  'agent.resultsMany': '{count} personnes trouvées.',
  'agent.back': 'Retour à la recherche',
  'agent.personInfo': 'Identité et coordonnées',
  'agent.household': 'Foyer',

  'jobs.title': 'Travaux de fond',
  'jobs.lead': 'Les tâches que Guichet exécute en arrière-plan : envois aux organismes, rappels, calculs.',
  'jobs.filter': 'Afficher',
  'jobs.all': 'Tous les travaux',
  'jobs.status.queued': 'En attente',
  'jobs.status.running': 'En cours',
  'jobs.status.done': 'Terminés',
  'jobs.status.dead': 'Abandonnés après plusieurs essais',
  'jobs.countsTitle': 'Nombre de travaux par état',
  'jobs.tableCaption': 'Liste des travaux',
  'jobs.col.kind': 'Type',
  'jobs.col.status': 'État',
  'jobs.col.attempts': 'Essais',
  'jobs.col.error': 'Dernière erreur',
  'jobs.col.runAt': 'Prévu le',
  'jobs.col.action': 'Action',
  'jobs.retry': 'Relancer',
  'jobs.retryLabel': 'Relancer le travail {id}',
  'jobs.retried': 'Le travail a été relancé.',
  'jobs.none': 'Aucun travail dans cet état.',

  'access.forbiddenTitle': 'Accès réservé',
  'access.forbiddenText': 'Cette page est réservée à d’autres profils que le vôtre.',
  'access.loginNeeded': 'Connectez-vous pour voir cette page.',

  'error.title': 'Un problème est survenu',
  'error.network': 'Guichet ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.',
  'error.retry': 'Réessayer',
  'error.fieldPrefix': 'Erreur :',

  'notFound.title': 'Page introuvable',
  'notFound.text': 'La page que vous cherchez n’existe pas ou a été déplacée.',
  'notFound.home': 'Revenir à l’accueil',

  'sitemap.title': 'Plan du site',

  'a11y.title': 'Déclaration d’accessibilité',
  'a11y.intro':
    'Guichet s’engage à rendre son service accessible à tous, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.',
  'a11y.stateTitle': 'État de conformité',
  'a11y.state':
    'Guichet est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA 4.1). Aucun audit complet n’a encore été réalisé.',
  'a11y.testsTitle': 'Ce que nous vérifions',
  'a11y.tests':
    'Chaque page publique est testée automatiquement (outil axe, critères WCAG 2.1 niveaux A et AA), en thème clair et en thème sombre, ainsi que la navigation au clavier.',
  'a11y.contactTitle': 'Retour d’information et contact',
  'a11y.contact':
    'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez le responsable du service pour être orienté vers une autre solution ou obtenir le contenu sous une autre forme.',
  'a11y.remedyTitle': 'Voies de recours',
  'a11y.remedy':
    'Si vous nous avez signalé un défaut d’accessibilité et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits ou contacter son délégué dans votre région.',

  'legal.title': 'Mentions légales',
  'legal.editorTitle': 'Éditeur',
  'legal.editor': 'Guichet est un logiciel libre, publié sous licence AGPL-3.0. Cette instance est une démonstration.',
  'legal.dataTitle': 'Données personnelles',
  'legal.data':
    'Cette démonstration n’utilise que des personnes fictives. Dans une instance réelle, chaque organisme garde ses propres données, et vous pouvez voir qui a consulté les vôtres.',
  'legal.cookiesTitle': 'Cookies',
  'legal.cookies':
    'Guichet ne dépose que les cookies nécessaires : votre session de connexion et votre choix de langue. Aucun cookie de mesure d’audience ou de publicité.',
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
