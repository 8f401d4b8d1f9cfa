import { Link, useParams } from 'react-router';
import { appointmentsApi } from '../appointments-api.ts';
import { Page } from '../components/page.tsx';
import { VideoRoom } from '../components/video-room.tsx';
import { useI18n } from '../i18n/index.tsx';

export const VideoRoomPage = () => {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <Page title={t('video.title')}>
      <p>
        <Link to={`/mes-rendez-vous/${id}`} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {t('video.leave')}
        </Link>
      </p>
      <VideoRoom load={(signal) => appointmentsApi.video(id, signal)} otherLabel={t('video.yourAdvisor')} />
    </Page>
  );
};
