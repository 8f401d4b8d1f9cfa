import { Link, useParams } from 'react-router';
import { agendaApi } from '../appointments-api.ts';
import { Page } from '../components/page.tsx';
import { VideoRoom } from '../components/video-room.tsx';
import { useI18n } from '../i18n/index.tsx';

export const AgentVideoPage = () => {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <Page title={t('video.title')}>
      <p>
        <Link to={`/agent/rendez-vous/${id}`} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {t('video.leave')}
        </Link>
      </p>
      <VideoRoom load={(signal) => agendaApi.video(id, signal)} otherLabel={t('video.thePerson')} />
    </Page>
  );
};
