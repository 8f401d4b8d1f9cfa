// The notifications pages' texts (centre, preferences, header badge, admin e-mails), spread into `fr.ts`.
export const notificationsFr = {
  'nav.notifications': 'Notifications',
  'nav.notificationsUnreadSuffix': ', {count} non lue(s)',
  'nav.capturedEmails': 'E-mails envoyés (démo)',

  'notif.title': 'Notifications',
  'notif.lead':
    'Les messages de Guichet : rappels de rendez-vous, étapes à venir, suivi de vos déclarations. Choisissez plus bas comment être prévenu.',
  'notif.listTitle': 'Vos notifications',
  'notif.unreadSummary': '{count} non lue(s)',
  'notif.none': 'Vous n’avez aucune notification pour l’instant.',
  'notif.unread': 'Non lue',
  'notif.receivedOn': 'Reçue le {date}',
  'notif.open': 'Voir',
  'notif.openLabel': 'Voir : {title}',
  'notif.markRead': 'Marquer comme lue',
  'notif.markReadLabel': 'Marquer comme lue : {title}',
  'notif.markAllRead': 'Tout marquer comme lu',
  'notif.markedRead': 'Notification marquée comme lue.',
  'notif.allMarkedRead': 'Toutes vos notifications sont marquées comme lues.',

  'notif.prefsTitle': 'Comment être prévenu',
  'notif.prefsLead':
    'Vos notifications restent toujours ici. Choisissez aussi de les recevoir ailleurs, et les heures où vous ne voulez pas être dérangé.',
  'notif.channelsLegend': 'Recevoir aussi mes notifications',
  'notif.channel.email': 'Par courriel',
  'notif.channel.emailHint': 'À l’adresse {address}.',
  'notif.channel.emailNoAddress': 'Aucune adresse connue : ajoutez-la dans Mon espace.',
  'notif.channel.emailCaptured':
    'Démonstration : aucun serveur de courriel n’est configuré, les courriels sont gardés pour être montrés et ne partent pas.',
  'notif.channel.push': 'Par une notification du navigateur',
  'notif.channel.pushHint': 'Sur les navigateurs où vous l’avez activée ({count}).',
  'notif.channel.sms': 'Par SMS',
  'notif.channel.smsUnavailable': 'Pas encore disponible : aucun service d’envoi de SMS n’est branché.',
  'notif.quietLegend': 'Heures calmes (heure de Paris)',
  'notif.quietEnabled': 'Ne rien m’envoyer pendant des heures calmes',
  'notif.quietHint':
    'Un message prévu pendant ces heures partira à leur fin. Il apparaît tout de même ici. Une plage qui finit avant de commencer passe minuit (22:00 → 07:00).',
  'notif.quietStart': 'Début',
  'notif.quietEnd': 'Fin',
  'notif.save': 'Enregistrer mes choix',
  'notif.saved': 'Vos choix sont enregistrés.',

  'notif.browserTitle': 'Sur ce navigateur',
  'notif.browserOn': 'Ce navigateur affiche vos notifications Guichet.',
  'notif.browserOff': 'Ce navigateur n’affiche pas vos notifications Guichet.',
  'notif.browserEnable': 'Activer sur ce navigateur',
  'notif.browserDisable': 'Désactiver sur ce navigateur',
  'notif.browserUnsupported':
    'Ce navigateur ne permet pas les notifications (ou la page n’est pas en https). Vous pouvez les recevoir par courriel.',
  'notif.browserDenied':
    'Vous avez refusé les notifications pour ce site. Pour changer d’avis, autorisez-les dans les réglages du navigateur.',
  'notif.browserEnabled': 'Les notifications sont activées sur ce navigateur.',
  'notif.browserDisabled': 'Les notifications sont désactivées sur ce navigateur.',

  'emails.title': 'E-mails envoyés (démo)',
  'emails.lead':
    'Les courriels que Guichet a écrits. Sans serveur de courriel configuré (SMTP_URL), ils sont seulement capturés ici : aucun n’est parti.',
  'emails.captureNotice':
    'Capture de démonstration : SMTP_URL n’est pas configuré. Ces courriels n’ont été envoyés à personne.',
  'emails.smtpNotice':
    'Un serveur SMTP est configuré : les courriels partent vraiment et ne sont plus capturés. La liste montre les captures d’avant.',
  'emails.listTitle': 'Les courriels écrits',
  'emails.none': 'Aucun courriel capturé pour l’instant.',
  'emails.to': 'À : {to}',
  'emails.capturedOn': 'Capturé le {date}',
  'emails.showRaw': 'Voir le message complet (en-têtes MIME)',
  'emails.logTitle': 'Journal des envois',
  'emails.logCaption': 'Les derniers envois, par canal, avec leur résultat',
  'emails.col.at': 'Date',
  'emails.col.kind': 'Notification',
  'emails.col.channel': 'Canal',
  'emails.col.target': 'Destinataire (masqué)',
  'emails.col.status': 'Résultat',
  'emails.col.error': 'Erreur',
  'emails.status.sent': 'envoyé',
  'emails.status.captured': 'capturé (démo)',
  'emails.status.failed': 'échec',
  'emails.status.skipped': 'non envoyé',
  'emails.status.interrupted': 'interrompu',
  'emails.noLog': 'Aucun envoi pour l’instant.',
} as const;
